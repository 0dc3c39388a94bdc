namespace Relief.Durable.TestHost;

/// <summary>The orchestrations the out-of-process tests run (shared by the test project through this file).</summary>
public static class TestOrchestrations
{
    /// <summary>Five activities in sequence: the HelloSequence5 shape.</summary>
    public static async Task<string> HelloSequence5(TaskOrchestrationContext context, string name)
    {
        var result = name;
        for (var i = 0; i < 5; i++) result = await context.CallActivityAsync<string>("Hello", result);
        return result;
    }

    /// <summary>Activity, sub-orchestration, durable timer and a fan-out: every kind of checkpoint traffic.</summary>
    public static async Task<int> Crash(TaskOrchestrationContext context, int n)
    {
        var a = await context.CallActivityAsync<int>("Step", n);
        var b = await context.CallSubOrchestratorAsync<int>("CrashChild", a);
        await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(300), CancellationToken.None);
        var fan = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => context.CallActivityAsync<int>("Step", b * 10 + i)));
        return fan.Sum();
    }

    /// <summary>The child of <see cref="Crash"/>.</summary>
    public static Task<int> CrashChild(TaskOrchestrationContext context, int n) => context.CallActivityAsync<int>("Step", n * 2);

    /// <summary>The expected result of <see cref="Crash"/> for input <paramref name="n"/>.</summary>
    public static int ExpectedCrash(int n)
    {
        var b = ((n + 1) * 2) + 1;
        return Enumerable.Range(1, 5).Sum(i => b * 10 + i + 1);
    }
}
