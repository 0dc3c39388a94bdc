using System.Text;

namespace Relief.Durable.Storage;

/// <summary>
/// Maps an instance id to a partition with FNV-1a (32-bit) over its UTF-8 bytes: stable across
/// processes, machines and .NET versions (unlike <see cref="string.GetHashCode()"/>).
/// </summary>
public static class PartitionHash
{
    /// <summary>The partition (0-based) of <paramref name="instanceId"/>.</summary>
    public static int PartitionOf(string instanceId, int partitionCount)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return (int)(hash % (uint)partitionCount);
    }
}
