using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Relief.FunctionsHost.ConformanceApp.Durable;

/// <summary>Retries, durable timers, external events, custom status, continue-as-new and long waits.</summary>
public static class Features
{
    /// <summary>An activity that always fails, called with 3 attempts; the orchestrator catches the failure.</summary>
    [Function(nameof(RetryThenCatch))]
    public static async Task<string> RetryThenCatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(200)));
        try
        {
            await context.CallActivityAsync(nameof(AlwaysFails), context.InstanceId, retry);
            return "not expected";
        }
        catch (TaskFailedException ex)
        {
            return $"caught: {ex.FailureDetails.ErrorMessage}";
        }
    }

    [Function(nameof(AlwaysFails))]
    public static void AlwaysFails([ActivityTrigger] string instanceId, FunctionContext context)
    {
        var attempts = Counters.Increment(instanceId);
        throw new InvalidOperationException($"attempt {attempts} fails on purpose");
    }

    /// <summary>Waits on a durable timer of the given seconds, then returns the time it woke.</summary>
    [Function(nameof(Sleeper))]
    public static async Task<string> Sleeper([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var start = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromSeconds(context.GetInput<int>()), CancellationToken.None);
        return $"slept {(context.CurrentUtcDateTime - start).TotalSeconds:0}";
    }

    /// <summary>Waits for the "Approval" event (which may already have been raised) and returns its payload.</summary>
    [Function(nameof(AwaitApproval))]
    public static async Task<string> AwaitApproval([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        context.SetCustomStatus(new { stage = "waiting" });
        var delay = context.GetInput<int>();
        if (delay > 0) await context.CreateTimer(TimeSpan.FromSeconds(delay), CancellationToken.None);
        var approval = await context.WaitForExternalEvent<string>("Approval");
        context.SetCustomStatus(new { stage = "approved" });
        return $"approved by {approval}";
    }

    /// <summary>Counts up to its input by continuing as new each step.</summary>
    [Function(nameof(Countdown))]
    public static async Task<int> Countdown([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var state = context.GetInput<int[]>() ?? [0, 3];
        if (state[0] >= state[1]) return state[0];
        await context.CallActivityAsync<string>(nameof(Sequences.SayHello), "step");
        context.ContinueAsNew(new[] { state[0] + 1, state[1] });
        return -1;
    }

    /// <summary>Runs a slow activity (input: milliseconds), for the crash tests.</summary>
    [Function(nameof(SlowSequence))]
    public static async Task<string> SlowSequence([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var ms = context.GetInput<int>();
        var results = new List<string>();
        for (var i = 0; i < 3; i++) results.Add(await context.CallActivityAsync<string>(nameof(SlowActivity), ms));
        return string.Join(",", results);
    }

    [Function(nameof(SlowActivity))]
    public static async Task<string> SlowActivity([ActivityTrigger] int milliseconds, FunctionContext context)
    {
        await Task.Delay(milliseconds, context.CancellationToken);
        var log = Environment.GetEnvironmentVariable("CONFORMANCE_ACTIVITY_LOG");
        if (!string.IsNullOrEmpty(log)) await File.AppendAllTextAsync(log, $"{context.InvocationId}\n", context.CancellationToken);
        return "done";
    }
}

/// <summary>Per-process attempt counters (the retry test runs in one worker process).</summary>
internal static class Counters
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Values = new();

    public static int Increment(string key) => Values.AddOrUpdate(key, 1, (_, v) => v + 1);
}
