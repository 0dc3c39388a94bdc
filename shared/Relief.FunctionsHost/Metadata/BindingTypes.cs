namespace Relief.FunctionsHost.Metadata;

/// <summary>The binding types the host runs. Anything else stops the start, naming the function and type.</summary>
public static class BindingTypes
{
    public const string HttpTrigger = "httpTrigger";
    public const string Http = "http";
    public const string QueueTrigger = "queueTrigger";
    public const string Queue = "queue";
    public const string TimerTrigger = "timerTrigger";
    public const string OrchestrationTrigger = "orchestrationTrigger";
    public const string ActivityTrigger = "activityTrigger";
    public const string EntityTrigger = "entityTrigger";
    public const string DurableClient = "durableClient";

    /// <summary>Triggers the host can run.</summary>
    public static readonly IReadOnlySet<string> Triggers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        HttpTrigger, QueueTrigger, TimerTrigger, OrchestrationTrigger, ActivityTrigger,
    };

    /// <summary>Non-trigger bindings the host supplies or writes.</summary>
    public static readonly IReadOnlySet<string> Others = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Http, Queue, DurableClient,
    };
}
