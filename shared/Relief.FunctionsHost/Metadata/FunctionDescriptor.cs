namespace Relief.FunctionsHost.Metadata;

/// <summary>A function of the app, as indexed by the worker and loaded into it.</summary>
/// <param name="FunctionId">The id the host gave it (invocations name it).</param>
/// <param name="Name">The function name.</param>
/// <param name="Bindings">Its bindings, trigger first as the worker lists them.</param>
/// <param name="ScriptFile">The assembly that holds it.</param>
/// <param name="EntryPoint">The method (full type name and method name).</param>
public sealed record FunctionDescriptor(string FunctionId, string Name, IReadOnlyList<BindingDescriptor> Bindings, string? ScriptFile = null, string? EntryPoint = null)
{
    /// <summary>The trigger binding.</summary>
    public BindingDescriptor Trigger => Bindings.FirstOrDefault(b => b.IsTrigger)
        ?? throw new InvalidOperationException($"Function '{Name}' has no trigger binding.");

    /// <summary>The output bindings (including <c>$return</c>).</summary>
    public IEnumerable<BindingDescriptor> Outputs => Bindings.Where(b => b.IsOutput);

    /// <summary>The input bindings other than the trigger (e.g. <c>durableClient</c>).</summary>
    public IEnumerable<BindingDescriptor> Inputs => Bindings.Where(b => !b.IsTrigger && !b.IsOutput);

    /// <summary>True when the trigger is of <paramref name="type"/>.</summary>
    public bool Is(string type) => string.Equals(Trigger.Type, type, StringComparison.OrdinalIgnoreCase);
}
