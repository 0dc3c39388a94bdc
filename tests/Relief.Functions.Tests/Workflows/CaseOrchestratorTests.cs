using Relief.Cases.Audit;
using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Verification;
using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Functions.Workflows;

namespace Relief.Functions.Tests.Workflows;

/// <summary>
/// The case orchestration on a deterministic fake context: every deadline path — a 20-working-day limit runs in
/// milliseconds. Deadlines come from the real planner over the shipped Qingdao policy and 2026 calendar.
/// </summary>
public sealed class CaseOrchestratorTests
{
    private static readonly VerificationAgency[] AllButTax = [.. VerificationAgencies.All.Where(a => a != VerificationAgency.Tax)];

    /// <summary>Accept, answer every agency, record the investigation: the case is then on public notice.</summary>
    private static void ToNotice(CaseWorld world)
    {
        world.Act(CaseTrigger.Accept);
        world.Answer();
        world.Act(CaseTrigger.RecordInvestigation);
        Assert.Equal(CaseStep.PublicNotice, world.Step);
    }

    [Fact]
    public async Task StandardTrack_EveryStepOnTime_ApprovedPaidOnceNothingEscalated()
    {
        var world = new CaseWorld();
        var run = world.StartCase();

        ToNotice(world);
        world.PassDeadline(CaseDeadlineKind.PublicNoticeEnd);
        Assert.Equal(CaseStep.AwaitingDecision, world.Step);
        world.Act(CaseTrigger.Approve, "approver:0101");

        Assert.True(run.IsCompletedSuccessfully);
        Assert.Equal(new CaseOutcome(CaseStep.Approved, 800m), (await run));
        var payment = Assert.Single(world.Payments);
        Assert.Equal(PaymentKind.Approval, payment.Kind);
        Assert.Empty(world.Escalations);
        Assert.Equal(7, (world.Deadline(CaseDeadlineKind.PublicNoticeEnd).DueDate.DayNumber - DateOnly.FromDateTime(world.Deadline(CaseDeadlineKind.PublicNoticeEnd).ExpiresAt.AddDays(-8).DateTime).DayNumber));
        Assert.Empty(world.Context.PendingTimers);
    }

    [Fact]
    public async Task Investigation_NotStartedWithinThreeWorkingDays_EscalatedOnce_FindingsStillTaken()
    {
        var world = new CaseWorld();
        var run = world.StartCase();
        world.Act(CaseTrigger.Accept);
        world.Answer();

        world.PassDeadline(CaseDeadlineKind.InvestigationStart);
        world.Context.Advance(TimeSpan.FromDays(1));

        Assert.Equal([CaseDeadlineKind.InvestigationStart], world.EscalatedKinds);
        Assert.Equal(new DateOnly(2026, 3, 5), world.Deadline(CaseDeadlineKind.InvestigationStart).DueDate);
        world.Act(CaseTrigger.RecordInvestigation);
        Assert.Equal(CaseStep.PublicNotice, world.Step);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Verification_AgencySilentPastTheAnswerLimit_EscalatedThenTheCaseGoesOn()
    {
        var world = new CaseWorld();
        var run = world.StartCase();
        world.Act(CaseTrigger.Accept);
        world.Answer(AllButTax);
        world.Act(CaseTrigger.RecordInvestigation);
        Assert.Equal(CaseStep.Investigation, world.Step); // waiting for the tax bureau

        world.PassDeadline(CaseDeadlineKind.EconomicVerificationAnswers);

        Assert.Contains(CaseDeadlineKind.EconomicVerificationAnswers, world.EscalatedKinds);
        Assert.Equal(CaseStep.PublicNotice, world.Step);
        Assert.Contains(world.Audit, a => a.Summary.Contains("waiting for the economic-verification answers of: tax", StringComparison.Ordinal));
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Decision_PastTheCountyAndOverallLimits_EachEscalatedOnce_ApprovalStillTaken()
    {
        var world = new CaseWorld();
        var run = world.StartCase();
        ToNotice(world);
        world.PassDeadline(CaseDeadlineKind.PublicNoticeEnd);

        world.PassDeadline(CaseDeadlineKind.CountyDecision);
        world.PassDeadline(CaseDeadlineKind.Overall);
        world.Context.Advance(TimeSpan.FromDays(30));

        Assert.Equal([CaseDeadlineKind.CountyDecision, CaseDeadlineKind.Overall], world.EscalatedKinds.Order());
        world.Act(CaseTrigger.Approve, "approver:0101");
        Assert.Equal(CaseStep.Approved, (await run).Step);
    }

    [Fact]
    public async Task Extension_ReplacesTheOverallLimit_OldLimitNotEscalated_ExtendedOneIs()
    {
        var world = new CaseWorld();
        var run = world.StartCase();
        world.Act(CaseTrigger.Accept);
        var overall = world.Deadline(CaseDeadlineKind.Overall);

        world.Act(CaseTrigger.ExtendTimeLimit, reasons: ["Household members abroad; records awaited."]);
        world.Context.AdvanceTo(overall.ExpiresAt.UtcDateTime.AddDays(1));

        var extended = world.Deadline(CaseDeadlineKind.OverallExtended);
        Assert.DoesNotContain(CaseDeadlineKind.Overall, world.EscalatedKinds);
        Assert.Contains("Household members abroad", extended.Basis, StringComparison.Ordinal);
        Assert.True(extended.ExpiresAt > overall.ExpiresAt);
        world.PassDeadline(CaseDeadlineKind.OverallExtended);
        Assert.Contains(CaseDeadlineKind.OverallExtended, world.EscalatedKinds);

        world.Act(CaseTrigger.ExtendTimeLimit, reasons: ["again"]);
        Assert.Contains(world.Audit, a => a.Summary.Contains("already been extended once", StringComparison.Ordinal));
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Withdrawal_WhileOnNotice_EndsWithdrawn_NothingPaid_NoDeadlineWatchedAnyMore()
    {
        var world = new CaseWorld();
        var run = world.StartCase();
        ToNotice(world);

        world.Act(CaseTrigger.Withdraw, "applicant");

        Assert.Equal(new CaseOutcome(CaseStep.Withdrawn, 0m), (await run));
        Assert.Empty(world.Payments);
        world.Context.Advance(TimeSpan.FromDays(90));
        Assert.Empty(world.Escalations);
    }

    [Fact]
    public async Task Notice_ObjectionThenCommunityReview_ANewNoticeThenTheDecision()
    {
        var world = new CaseWorld();
        var run = world.StartCase();
        ToNotice(world);

        world.Act(CaseTrigger.FileObjection, "resident");
        world.Act(CaseTrigger.RecordCommunityReview);
        Assert.Equal(CaseStep.PublicNotice, world.Step);
        world.PassDeadline(CaseDeadlineKind.PublicNoticeEnd);
        world.Act(CaseTrigger.Reject, "approver:0101", ["Income above the standard after review."]);

        Assert.Equal(2, world.DeadlinesSet.Count(d => d.Kind == CaseDeadlineKind.PublicNoticeEnd));
        Assert.Equal(CaseStep.Refused, (await run).Step);
        Assert.Empty(world.Payments);
    }

    [Fact]
    public async Task Action_CheckedAgainstAnotherStep_IgnoredAndRecorded()
    {
        var world = new CaseWorld();
        var run = world.StartCase();

        world.Context.Raise(CaseOrchestrator.ActionEvent, new CaseActionEvent(CaseTrigger.Approve, CaseStep.AwaitingDecision, "approver:0101"));

        Assert.Equal(CaseStep.Submitted, world.Step);
        Assert.Contains(world.Audit, a => a.Summary.StartsWith("Action 'Approve' ignored", StringComparison.Ordinal));
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Emergency_EligibleForAdvance_PaidAtOnceBeforeAnyAction_Within24Hours()
    {
        var world = new CaseWorld(AssistanceProgram.TemporaryEmergency);
        var run = world.StartCase();

        var advance = Assert.Single(world.Payments);
        Assert.Equal(PaymentKind.Advance, advance.Kind);
        Assert.True(advance.At - world.Input.AppliedAt < TimeSpan.FromHours(24));
        Assert.Equal(CaseStep.Paperwork, world.Step);
        Assert.Contains(world.Changes, c => c.CloseDeadlines?.Contains(CaseDeadlineKind.AdvanceRelief) == true);

        world.Act(CaseTrigger.RecordInvestigation);
        world.PassDeadline(CaseDeadlineKind.PublicNoticeEnd);
        world.Act(CaseTrigger.Approve, "approver:0101");

        Assert.Equal(CaseStep.Approved, (await run).Step);
        Assert.Equal([PaymentKind.Advance, PaymentKind.EmergencyBalance], world.Payments.Select(p => p.Kind));
        Assert.Equal(800m, world.Payments[1].AdvancePaid);
    }

    [Fact]
    public async Task Emergency_NotEligibleForAdvance_TakesTheStandardTrack()
    {
        var world = new CaseWorld(AssistanceProgram.TemporaryEmergency) { Assessment = new AssessmentSummary(false, 0m, ["not an emergency"]) };
        var run = world.StartCase();

        Assert.Empty(world.Payments);
        Assert.Equal(CaseStep.Submitted, world.Step);
        Assert.Contains(world.Audit, a => a.Summary.StartsWith("No advance relief: not an emergency", StringComparison.Ordinal));
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task CalendarGap_AcceptedLateInTheYear_EscalatedOnceRetriedEverySixHours_ThenPlannedOnceTheCalendarIsDeployed()
    {
        var late = new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(8));
        var world = new CaseWorld(start: late);
        var run = world.StartCase();
        world.Act(CaseTrigger.Accept);

        var gap = Assert.Single(world.Audit, a => a.Kind == AuditEntryKind.Escalation);
        Assert.StartsWith("Working-day calendar missing", gap.Summary, StringComparison.Ordinal);
        Assert.Contains("2027", gap.Summary, StringComparison.Ordinal);
        Assert.Equal(CaseStep.Submitted, world.Step);
        Assert.Equal([late.UtcDateTime + CalendarAware.RetryInterval], world.Context.PendingTimers);

        world.Context.Advance(TimeSpan.FromHours(13)); // two more retries, still no calendar: no second escalation
        Assert.Single(world.Audit, a => a.Kind == AuditEntryKind.Escalation);

        // A deployment with the 2027 calendar file (test data here: weekends only).
        string folder = Directory.CreateTempSubdirectory("relief-calendar-").FullName;
        foreach (var file in Directory.GetFiles(CalendarFileLoader.ShippedFolder, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(folder, "2027.json"), """{ "year": 2027, "source": "test data: weekends only", "holidays": [], "workedWeekendDays": [] }""");
        world.Planner = new CaseDeadlinePlanner(await CalendarFileLoader.LoadFolderAsync(folder, CancellationToken.None));
        Directory.Delete(folder, recursive: true);
        world.Context.Advance(CalendarAware.RetryInterval);

        Assert.Equal(CaseStep.Investigation, world.Step);
        Assert.StartsWith("2027-01", world.Deadline(CaseDeadlineKind.Overall).DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task ProvisionalYear_NoStall_ThenOfficialScheduleLoaded_TimerMovedAndRecorded()
    {
        var late = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(8));
        var calendar = await CalendarFileLoader.LoadShippedAsync(CancellationToken.None, provisionalForMissingYears: true);
        var world = new CaseWorld(start: late) { Planner = new CaseDeadlinePlanner(calendar) };
        var run = world.StartCase();
        world.Act(CaseTrigger.Accept);

        // No stall: planned at once on the provisional 2027, marked so; no calendar-gap escalation.
        Assert.Equal(CaseStep.Investigation, world.Step);
        Assert.DoesNotContain(world.Audit, a => a.Kind == AuditEntryKind.Escalation);
        var provisional = world.Deadline(CaseDeadlineKind.Overall);
        Assert.True(provisional.Provisional);
        var answers = world.Deadline(CaseDeadlineKind.EconomicVerificationAnswers);
        Assert.True(answers.Provisional);
        Assert.Contains(provisional.ExpiresAt.UtcDateTime, world.Context.PendingTimers);

        // The official 2027 schedule arrives with the old due date off (test data): the limit moves a working day on.
        var official = new CalendarYear(2027, new HashSet<DateOnly> { new(2027, 1, 1), provisional.DueDate }, new HashSet<DateOnly>(), "test schedule 2027");
        Assert.True(calendar.TryLoad(official));
        world.Context.Raise(CaseOrchestrator.CalendarEvent, new CalendarLoadedEvent(2027, official.Source));

        var moved = world.Deadline(CaseDeadlineKind.Overall);
        Assert.False(moved.Provisional);
        Assert.False(world.Deadline(CaseDeadlineKind.EconomicVerificationAnswers).Provisional);
        Assert.Contains(world.Deadline(CaseDeadlineKind.EconomicVerificationAnswers).ExpiresAt.UtcDateTime, world.Context.PendingTimers);
        Assert.True(moved.DueDate > provisional.DueDate);
        Assert.Contains(moved.ExpiresAt.UtcDateTime, world.Context.PendingTimers);
        Assert.DoesNotContain(provisional.ExpiresAt.UtcDateTime, world.Context.PendingTimers);
        Assert.Single(world.Audit, a => a.Summary.StartsWith("Official working-day calendar 2027 loaded", StringComparison.Ordinal) && a.Summary.Contains("Overall moves", StringComparison.Ordinal));

        // The old instant passes: nothing is escalated; the new one does.
        world.Context.AdvanceTo(provisional.ExpiresAt.UtcDateTime.AddSeconds(1));
        Assert.DoesNotContain(CaseDeadlineKind.Overall, world.EscalatedKinds);
        world.PassDeadline(CaseDeadlineKind.Overall);
        Assert.Contains(CaseDeadlineKind.Overall, world.EscalatedKinds);
        Assert.False(run.IsCompleted);
    }
}
