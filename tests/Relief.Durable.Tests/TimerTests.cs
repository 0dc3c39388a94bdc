using Microsoft.Extensions.Time.Testing;

namespace Relief.Durable.Tests;

public sealed class TimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // a Monday, 09:00 in Beijing

    public sealed record Deadline(DateTime FireAt);

    /// <summary>Waits on a timer; every "probe" event records that the timer has not fired yet.</summary>
    private static void AddProbedTimer(DurableTaskBuilder d) => d
        .AddOrchestrator<Deadline, DateTime>("ProbedTimer", async (ctx, input) =>
        {
            var timer = ctx.CreateTimer(input.FireAt, CancellationToken.None);
            var probes = 0;
            ctx.SetCustomStatus(0);
            while (true)
            {
                var probe = ctx.WaitForExternalEvent<int>("probe");
                if (await Task.WhenAny(timer, probe) == timer) return ctx.CurrentUtcDateTime;
                ctx.SetCustomStatus(++probes);
            }
        });

    private static async Task AssertFiresExactlyAtAsync(TestHub hub, FakeTimeProvider time, DateTime fireAt)
    {
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("ProbedTimer", new Deadline(fireAt));
        await hub.Client.WaitForInstanceAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running, TestHub.Guard());

        time.SetUtcNow(new DateTimeOffset(fireAt).AddMilliseconds(-1));
        await hub.Client.RaiseEventAsync(id, "probe", 1);
        var beforeDue = await hub.Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<int>() == 1 || m.IsCompleted, TestHub.Guard());
        Assert.Equal(OrchestrationRuntimeStatus.Running, beforeDue.RuntimeStatus);

        time.SetUtcNow(new DateTimeOffset(fireAt));
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());
        Assert.Equal(fireAt, done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task CreateTimer_OneHour_FiresWhenClockReachesIt()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(AddProbedTimer, time);

        await AssertFiresExactlyAtAsync(hub, time, Start.UtcDateTime.AddHours(1));
    }

    [Fact]
    public async Task CreateTimer_SixtyDays_FiresAtTheExactInstant()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(AddProbedTimer, time);

        await AssertFiresExactlyAtAsync(hub, time, Start.UtcDateTime.AddDays(60));
    }

    [Fact]
    public async Task CreateTimer_TwentyWorkingDayDeadline_FiresAtTheExactInstant()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(AddProbedTimer, time);
        // 20 working days (Mon–Fri; the statutory holiday calendar lives in Relief.Domain) after Monday 2 March 2026.
        var deadline = Start.UtcDateTime;
        for (var added = 0; added < 20;)
        {
            deadline = deadline.AddDays(1);
            if (deadline.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        Assert.Equal(new DateTime(2026, 3, 30, 1, 0, 0, DateTimeKind.Utc), deadline);

        await AssertFiresExactlyAtAsync(hub, time, deadline);
    }

    private static void AddRace(DurableTaskBuilder d) => d
        .AddOrchestrator<int, string>("Approval", async (ctx, days) =>
        {
            using var cts = new CancellationTokenSource();
            var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(days), cts.Token);
            var approval = ctx.WaitForExternalEvent<string>("Approval");
            ctx.SetCustomStatus("awaiting decision");
            if (await Task.WhenAny(approval, deadline) == approval)
            {
                cts.Cancel(); // synchronous on purpose: orchestrators must not await non-durable tasks (CancelAsync completes on the thread pool)
                return "decided: " + approval.Result;
            }
            return "overdue: escalated";
        });

    [Fact]
    public async Task WhenAny_ApprovalBeforeDeadline_ApprovalWins()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(AddRace, time);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval", 10);
        await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        time.Advance(TimeSpan.FromDays(9));
        await hub.Client.RaiseEventAsync(id, "Approval", "approved");
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());
        time.Advance(TimeSpan.FromDays(2));

        Assert.Equal("decided: approved", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WhenAny_DeadlineBeforeApproval_DeadlineWins()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(AddRace, time);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval", 10);
        await hub.Client.WaitForInstanceAsync(id, m => m.SerializedCustomStatus is not null, TestHub.Guard());

        time.Advance(TimeSpan.FromDays(10));
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());
        await hub.Client.RaiseEventAsync(id, "Approval", "too late");

        Assert.Equal("overdue: escalated", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_RetryWithBackoff_WaitsOnEngineClock()
    {
        var time = new FakeTimeProvider(Start);
        var calls = 0;
        await using var hub = await TestHub.StartAsync(d => d
            .AddOrchestrator<string?, int>("Backoff", (ctx, _) => ctx.CallActivityAsync<int>("Flaky", null,
                TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromHours(1)))))
            .AddActivity<string?, int>("Flaky", (_, _) => Interlocked.Increment(ref calls) == 1 ? throw new TimeoutException("agency down") : Task.FromResult(calls)), time);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Backoff");
        await EventTests.WaitForHistoryAsync(hub, id, h => h.Any(e => e.Type == Core.HistoryEventType.TimerCreated));

        time.Advance(TimeSpan.FromHours(1));
        var done = await hub.Client.WaitForInstanceCompletionAsync(id, true, TestHub.Guard());

        Assert.Equal(2, done.ReadOutputAs<int>());
    }
}
