using Microsoft.Extensions.DependencyInjection;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Queues;
using Relief.FunctionsHost.Tests.Support;
using Relief.Testing;

namespace Relief.FunctionsHost.Tests.Queues;

public sealed class QueueListenerTests
{
    private static async Task<(ListenerHost Host, QueueFunctionProbe Probe, string Queue, string Connection, LogCapture Logs)> StartAsync(
        Dictionary<string, string?>? settings = null, Action<QueueFunctionProbe>? setup = null)
    {
        var azurite = await AzuriteServer.Shared;
        var queue = UniqueNames.Queue("work");
        var probe = new QueueFunctionProbe();
        setup?.Invoke(probe);
        var logs = new LogCapture();
        var host = ListenerHost.Build(azurite.ConnectionString, settings, logs: logs, services: s => s.AddSingleton(probe));
        host.Queue<ProbeQueueFunction, TestMessage>(queue);
        await host.StartAsync();
        return (host, probe, queue, azurite.ConnectionString, logs);
    }

    [Fact]
    public async Task Listener_ValidMessage_ProcessedAndDeleted()
    {
        var (host, probe, queue, connection, _) = await StartAsync();
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);

        await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(1, "hello")));

        await Eventually.TrueAsync(() => probe.Completed.Count == 1, "message processed");
        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "message deleted");
        var (message, context) = Assert.Single(probe.Started);
        Assert.Equal(new TestMessage(1, "hello"), message);
        Assert.Equal(queue, context.QueueName);
        Assert.Equal(1, context.DequeueCount);
        Assert.Empty(await StorageQueues.ReadPoisonAsync(connection, queue));
    }

    [Fact]
    public async Task Listener_Base64AndRawJson_BothAccepted()
    {
        var (host, probe, queue, connection, _) = await StartAsync();
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);

        await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(1, "raw")));
        await client.SendMessageAsync(StorageQueues.Base64Json(new TestMessage(2, "base64")));

        await Eventually.TrueAsync(() => probe.Completed.Count == 2, "both processed");
        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "both deleted");
        Assert.Equal(["base64", "raw"], probe.Completed.Select(m => m.Text).Order());
        Assert.Empty(await StorageQueues.ReadPoisonAsync(connection, queue));
    }

    [Fact]
    public async Task Listener_FunctionAlwaysThrows_RetriedThenPoisonedWithBodyErrorAndDequeueCount()
    {
        var (host, probe, queue, connection, _) = await StartAsync(setup: p =>
            p.Behavior = (m, c, _) => throw new InvalidOperationException($"bank refused attempt {c.DequeueCount}"));
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);
        var body = StorageQueues.Base64Json(new TestMessage(7, "pay"));

        await client.SendMessageAsync(body);

        await Eventually.TrueAsync(async () => (await StorageQueues.ReadPoisonAsync(connection, queue)).Count == 1, "poison message written");
        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "original deleted");
        Assert.Equal([1L, 2L, 3L], probe.Started.Select(s => s.Context.DequeueCount));
        var poison = Assert.Single(await StorageQueues.ReadPoisonAsync(connection, queue));
        Assert.Equal(body, poison.Body);
        Assert.Equal(PoisonReason.FunctionFailed, poison.Reason);
        Assert.Equal(3, poison.DequeueCount);
        Assert.Contains("InvalidOperationException: bank refused attempt 3", poison.Error, StringComparison.Ordinal);
        Assert.Equal(queue, poison.Queue);
        Assert.Equal(nameof(ProbeQueueFunction), poison.FunctionName);
    }

    [Fact]
    public async Task Listener_FunctionFailsOnce_HiddenForVisibilityTimeoutThenRetried()
    {
        var attemptedAt = new System.Collections.Concurrent.ConcurrentQueue<long>();
        var (host, probe, queue, connection, _) = await StartAsync(
            new() { ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02" },
            p => p.Behavior = (_, c, _) =>
            {
                attemptedAt.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                return c.DequeueCount == 1 ? throw new InvalidOperationException("transient") : Task.CompletedTask;
            });
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);

        await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(3, "retry")));

        await Eventually.TrueAsync(() => probe.Started.Count == 1, "first attempt");
        await Eventually.TrueAsync(() => probe.Completed.Count == 1, "retried and succeeded");
        var attempts = probe.Started.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(2, attempts[1].Context.DequeueCount);
        var times = attemptedAt.ToArray();
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromSeconds(1.5), "hidden for the visibility timeout");
        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "deleted after success");
        Assert.Empty(await StorageQueues.ReadPoisonAsync(connection, queue));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"id\": 1, \"text\": ")]
    [InlineData("eyJpZCI6IA==")] // base64 of a truncated JSON object
    public async Task Listener_MalformedMessage_PoisonedWithReasonWithoutRunning(string body)
    {
        var (host, probe, queue, connection, _) = await StartAsync();
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);

        await client.SendMessageAsync(body);

        await Eventually.TrueAsync(async () => (await StorageQueues.ReadPoisonAsync(connection, queue)).Count == 1, "poisoned");
        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "original deleted");
        var poison = Assert.Single(await StorageQueues.ReadPoisonAsync(connection, queue));
        Assert.Equal(body, poison.Body);
        Assert.Equal(PoisonReason.Malformed, poison.Reason);
        Assert.StartsWith("The message is not valid", poison.Error, StringComparison.Ordinal);
        Assert.Empty(probe.Started);
    }

    [Fact]
    public async Task Listener_DequeuedTooOftenWithoutFinishing_PoisonedAsExceeded()
    {
        var azurite = await AzuriteServer.Shared;
        var queue = UniqueNames.Queue("crashed");
        var client = await StorageQueues.CreateAsync(azurite.ConnectionString, queue);
        await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(9, "x")));
        for (var i = 0; i < 3; i++)
        {
            // A host that crashed mid-invocation: received, never settled (visible again at once).
            var received = (await client.ReceiveMessageAsync()).Value;
            Assert.NotNull(received);
            await client.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        var (host, probe, _, connection, _) = (await StartWithQueueAsync(queue));
        await using var _ = host;

        await Eventually.TrueAsync(async () => (await StorageQueues.ReadPoisonAsync(connection, queue)).Count == 1, "poisoned");
        var poison = Assert.Single(await StorageQueues.ReadPoisonAsync(connection, queue));
        Assert.Equal(PoisonReason.DequeueCountExceeded, poison.Reason);
        Assert.Equal(4, poison.DequeueCount);
        Assert.Empty(probe.Started);
    }

    [Fact]
    public async Task Listener_LargeMessagePoisoned_FullRecordKeptInBlob()
    {
        var (host, _, queue, connection, _) = await StartAsync(setup: p =>
            p.Behavior = (_, _, _) => throw new InvalidOperationException("always"));
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);
        var body = StorageQueues.RawJson(new TestMessage(1, new string('x', 50_000)));

        await client.SendMessageAsync(body);

        await Eventually.TrueAsync(async () => (await StorageQueues.ReadPoisonAsync(connection, queue)).Count == 1, "poisoned");
        var poison = Assert.Single(await StorageQueues.ReadPoisonAsync(connection, queue));
        Assert.Null(poison.Body);
        Assert.NotNull(poison.RecordBlob);
        var blob = new Azure.Storage.Blobs.BlobClient(connection, "azure-webjobs-hosts", poison.RecordBlob);
        var record = (await blob.DownloadContentAsync()).Value.Content.ToObjectFromJson<PoisonMessage>(
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
        Assert.Equal(body, record!.Body);
        Assert.Equal(3, record.DequeueCount);
        Assert.Contains("always", record.Error, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "original deleted");
    }

    [Fact]
    public async Task Listener_QueueNameFromAppSetting_Resolved()
    {
        var azurite = await AzuriteServer.Shared;
        var queue = UniqueNames.Queue("named");
        var probe = new QueueFunctionProbe();
        await using var host = ListenerHost.Build(azurite.ConnectionString, new Dictionary<string, string?> { ["WorkQueue"] = queue }, services: s => s.AddSingleton(probe));
        host.Queue<ProbeQueueFunction, TestMessage>("%WorkQueue%");
        await host.StartAsync();
        var client = await StorageQueues.CreateAsync(azurite.ConnectionString, queue);

        await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(1, "a")));

        await Eventually.TrueAsync(() => probe.Completed.Count == 1, "processed from the named queue");
    }

    [Fact]
    public async Task Listener_BatchSizeAndThreshold_LimitConcurrency()
    {
        var gate = new SemaphoreSlim(0);
        var (host, probe, queue, connection, _) = await StartAsync(
            new()
            {
                ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "2",
                ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = "1",
            },
            p => p.Behavior = async (_, _, ct) => await gate.WaitAsync(ct));
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);
        for (var i = 0; i < 8; i++) await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(i, "c")));

        // With 2 per batch and a new batch only when at most 1 runs, no more than 3 run at once.
        await Eventually.TrueAsync(() => probe.Started.Count >= 2, "first batch running");
        for (var released = 0; released < 8; released++)
        {
            Assert.True(probe.MaxRunning <= 3, $"ran {probe.MaxRunning} at once");
            gate.Release();
            var target = released + 1;
            await Eventually.TrueAsync(() => probe.Completed.Count >= target, $"{target} completed");
        }

        await Eventually.TrueAsync(async () => await StorageQueues.CountAsync(client) == 0, "all deleted");
        Assert.InRange(probe.MaxRunning, 2, 3);
    }

    [Fact]
    public async Task Stop_MidBatch_InFlightInvocationsFinishAndNothingIsLeft()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (host, probe, queue, connection, _) = await StartAsync(setup: p => p.Behavior = async (_, _, _) => await gate.Task);
        var client = await StorageQueues.CreateAsync(connection, queue);
        for (var i = 0; i < 6; i++) await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(i, "s")));
        await Eventually.TrueAsync(() => probe.Started.Count == 6, "all six running");

        var stopping = host.StopAsync();
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted, "stop waits for running invocations");
        gate.SetResult();
        await stopping;
        await host.DisposeAsync();

        Assert.Equal(6, probe.Completed.Count);
        Assert.Equal(0, await StorageQueues.CountAsync(client));
    }

    [Fact]
    public async Task Stop_DeadlinePassesMidBatch_EachMessageDoneOrVisibleAgain()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (host, probe, queue, connection, logs) = await StartAsync(setup: p => p.Behavior = async (m, _, ct) =>
        {
            if (m.Id < 3) await gate.Task;
            else await Task.Delay(Timeout.Infinite, ct); // honours the host's cancellation
        });
        var client = await StorageQueues.CreateAsync(connection, queue);
        for (var i = 0; i < 6; i++) await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(i, "s")));
        await Eventually.TrueAsync(() => probe.Started.Count == 6, "all six running");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var stopping = host.StopAsync(deadline.Token);
        gate.SetResult();
        await stopping;
        await host.DisposeAsync();

        var done = probe.Completed.Select(m => m.Id).Order().ToArray();
        Assert.Equal([0, 1, 2], done);
        var visible = (await client.ReceiveMessagesAsync(32)).Value
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<TestMessage>(m.Body.ToString(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.Id)
            .Order().ToArray();
        Assert.Equal([3, 4, 5], visible);
        Assert.Equal(3, logs.Entries.Count(e => e.Values.TryGetValue("Outcome", out var o) && Equals(o, InvocationOutcome.Cancelled)));
    }

    [Fact]
    public async Task Invocation_QueueMessage_LoggedWithFunctionIdTriggerDurationOutcome()
    {
        var (host, probe, queue, connection, logs) = await StartAsync();
        await using var _ = host;
        var client = await StorageQueues.CreateAsync(connection, queue);

        await client.SendMessageAsync(StorageQueues.RawJson(new TestMessage(1, "secret personal text")));

        static bool IsInvocationLog(LogEntry e) => e.EventId.Id == 1 && e.Category.EndsWith("InvocationTracker", StringComparison.Ordinal);
        await Eventually.TrueAsync(() => logs.Entries.Any(IsInvocationLog), "invocation logged");
        var entry = logs.Entries.First(IsInvocationLog);
        Assert.Equal(nameof(ProbeQueueFunction), entry.Values["FunctionName"]);
        Assert.Equal(probe.Started.Single().Context.InvocationId, entry.Values["InvocationId"]);
        Assert.Equal(TriggerKind.Queue, entry.Values["Trigger"]);
        Assert.IsType<double>(entry.Values["DurationMs"]);
        Assert.Equal(InvocationOutcome.Succeeded, entry.Values["Outcome"]);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("secret personal text", StringComparison.Ordinal));
    }

    private static async Task<(ListenerHost Host, QueueFunctionProbe Probe, string Queue, string Connection, LogCapture Logs)> StartWithQueueAsync(string queue)
    {
        var azurite = await AzuriteServer.Shared;
        var probe = new QueueFunctionProbe();
        var logs = new LogCapture();
        var host = ListenerHost.Build(azurite.ConnectionString, logs: logs, services: s => s.AddSingleton(probe));
        host.Queue<ProbeQueueFunction, TestMessage>(queue);
        await host.StartAsync();
        return (host, probe, queue, azurite.ConnectionString, logs);
    }
}
