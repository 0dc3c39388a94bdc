namespace Relief.FunctionsHost.Invocations;

/// <summary>What a function knows about its own invocation.</summary>
/// <param name="FunctionName">The registered function name.</param>
/// <param name="InvocationId">Unique id of this invocation (appears in every log line of it).</param>
/// <param name="Trigger">The kind of trigger.</param>
public record FunctionContext(string FunctionName, string InvocationId, TriggerKind Trigger);
