using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Relief.FunctionsHost.Tests.Support;

namespace Relief.FunctionsHost.Tests.Durable;

/// <summary>
/// Durable Functions through the host, one suite for both storage providers behind the sidecar: the Durable Task
/// Framework's Azure Storage provider and Relief's lean provider.
/// </summary>
public abstract class DurableConformanceTests(ConformanceHost fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task HelloSequence5_StartedFromHttp_CompletesWithFiveGreetingsInOrder()
    {
        var id = await Orchestrations.StartAsync(Client, "HelloSequence5");

        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Completed", status.Status);
        Assert.Equal(["Hello Qingdao", "Hello Quanzhou", "Hello Liyang", "Hello Shijiazhuang", "Hello Jinan"], Orchestrations.Output<string[]>(status)!);
    }

    [Fact]
    public async Task FanOutFanIn_HundredActivities_SumOfSquares()
    {
        var id = await Orchestrations.StartAsync(Client, "FanOutFanIn", 100);

        var status = await Orchestrations.WaitForEndAsync(Client, id, TimeSpan.FromSeconds(120));

        Assert.Equal("Completed", status.Status);
        Assert.Equal(338_350, Orchestrations.Output<int>(status));
    }

    [Fact]
    public async Task ActivityAlwaysFails_RetriedThreeTimesThenFailureCaughtByOrchestrator()
    {
        var id = await Orchestrations.StartAsync(Client, "RetryThenCatch");

        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Completed", status.Status);
        Assert.Equal("caught: attempt 3 fails on purpose", Orchestrations.Output<string>(status));
    }

    [Fact]
    public async Task DurableTimer_OrchestrationResumesAfterItFires()
    {
        var clock = Stopwatch.StartNew();
        var id = await Orchestrations.StartAsync(Client, "Sleeper", 3);

        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Completed", status.Status);
        Assert.StartsWith("slept ", Orchestrations.Output<string>(status), StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"a 3 s timer fired after {clock.Elapsed}");
    }

    [Fact]
    public async Task ExternalEvent_RaisedWhileWaiting_DeliversPayloadAndCustomStatusFollows()
    {
        var id = await Orchestrations.StartAsync(Client, "AwaitApproval", 0);
        await Orchestrations.WaitForCustomStatusAsync(Client, id, "waiting", Wait);

        using var raised = await Client.PostAsync($"api/instances/{id}/events/Approval", new StringContent("\"county approver\""));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("approved by county approver", Orchestrations.Output<string>(status));
        Assert.Contains("approved", status.CustomStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalEvent_RaisedBeforeTheWaitBegins_IsNotLost()
    {
        var id = await Orchestrations.StartAsync(Client, "AwaitApproval", 3);
        await Orchestrations.WaitForCustomStatusAsync(Client, id, "waiting", Wait);

        using var raised = await Client.PostAsync($"api/instances/{id}/events/Approval", new StringContent("\"early bird\""));
        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("approved by early bird", Orchestrations.Output<string>(status));
    }

    [Fact]
    public async Task SubOrchestration_ChildResultReachesParent()
    {
        var id = await Orchestrations.StartAsync(Client, "Parent");

        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Completed", status.Status);
        Assert.Equal("5 greetings, first 'Hello Qingdao'", Orchestrations.Output<string>(status));
    }

    [Fact]
    public async Task ContinueAsNew_CountsUpAcrossGenerations()
    {
        var id = await Orchestrations.StartAsync(Client, "Countdown", new[] { 0, 4 });

        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Completed", status.Status);
        Assert.Equal(4, Orchestrations.Output<int>(status));
    }

    [Fact]
    public async Task Terminate_RunningOrchestration_EndsTerminated()
    {
        var id = await Orchestrations.StartAsync(Client, "SlowSequence", 30_000);
        await Eventually.TrueAsync(() => Orchestrations.StatusAsync(Client, id).GetAwaiter().GetResult().Status == "Running", 30);

        using var terminated = await Client.PostAsync($"api/instances/{id}/terminate", null);
        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Terminated", status.Status);
        Assert.Contains("terminated by the test", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartedFromQueueFunction_Completes()
    {
        var id = "queued-" + Guid.NewGuid().ToString("N")[..8];
        await QueueProbe.SendAsync(fixture.Settings.Queue("StartQueue"), JsonSerializer.Serialize(new { name = "FanOutFanIn", id, input = 10 }));

        await Eventually.TrueAsync(() => Orchestrations.StatusAsync(Client, id).GetAwaiter().GetResult().Status != "NotFound", 30);
        var status = await Orchestrations.WaitForEndAsync(Client, id, Wait);

        Assert.Equal("Completed", status.Status);
        Assert.Equal(385, Orchestrations.Output<int>(status));
    }
}

/// <summary>The suite on the framework's Azure Storage provider.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class AzureStorageProviderConformanceTests(ConformanceHost fixture) : DurableConformanceTests(fixture);

/// <summary>The suite on Relief's lean provider.</summary>
[Collection(LeanConformanceCollection.Name)]
public sealed class ReliefProviderConformanceTests(LeanConformanceHost fixture) : DurableConformanceTests(fixture);
