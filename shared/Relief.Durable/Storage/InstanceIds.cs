namespace Relief.Durable.Storage;

/// <summary>Rules for instance ids (they become table keys and blob name prefixes).</summary>
public static class InstanceIds
{
    /// <summary>Throws if <paramref name="instanceId"/> cannot be used.</summary>
    public static void Validate(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (instanceId.Length > 200)
            throw new ArgumentException("An instance id has at most 200 characters.", nameof(instanceId));
        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c))
                throw new ArgumentException($"An instance id may not contain '/', '\\', '#', '?', '|' or control characters: '{instanceId}'.", nameof(instanceId));
        }
    }
}
