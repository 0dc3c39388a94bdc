using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Domain.Calendar;
using Relief.Domain.Reviews;
using Relief.Functions.Workflows;

namespace Relief.Functions.Reviews.Activities;

/// <summary>
/// Activity: decides a review (核查结论). The household as found (the findings' figures over the current facts) is
/// validated and assessed by the policy engine under the policy in force today; <see cref="ReviewRules"/> turns that and
/// the findings into the outcome; the entitlement's change goes into the register (the payroll pays by it from its
/// month), a fraud's recovery claim into the ledger, the facts beside the application, the next review into the due
/// index (or the household leaves it), the decision onto the work list and into the enrolling case's audit trail with its
/// written reason and rule. Idempotent: every write is keyed by the review id.
/// </summary>
public sealed class DecideReview(ReviewStore reviews, CaseApplications applications, ICaseStore cases, CaseUpdates updates,
    BeneficiaryRegister register, PaymentLedger ledger, BeneficiaryIdentifier ids, Relief.Cases.Storage.Feeds.PeopleIndex people, ILogger<DecideReview> logger)
{
    /// <summary>The activity name.</summary>
    public const string Name = nameof(DecideReview);

    [Function(Name)]
    public async Task<ReviewSummary> RunAsync([ActivityTrigger] DecideReviewRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReviewInput review = input.Review;
        DateOnly today = ChinaStandardTime.DateOf(input.At);
        HouseholdReview household = await reviews.GetHouseholdAsync(review.BeneficiaryId, review.Program, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Review {review.ReviewId}: the household has no review schedule.");
        var record = await applications.RecordAsync(review.CaseId, cancellationToken).ConfigureAwait(false);
        string? factsFrom = household.FactsFrom == review.ReviewId ? null : household.FactsFrom; // a retry starts from the same facts
        ApplicationRequest facts = await applications.CurrentFactsAsync(record, factsFrom, cancellationToken).ConfigureAwait(false);
        ApplicationRequest found = ReviewHousehold.Merge(facts, input.Findings.Household);
        var valid = applications.Validate(found, today);
        if (!valid.IsValid)
        {
            // The findings were validated against the same facts when they arrived; reaching here is a bug, not a business outcome.
            throw new InvalidOperationException($"Review {review.ReviewId}: the household as found does not validate ({string.Join("; ", valid.Errors.Select(e => e.Field))}).");
        }

        var policy = applications.Policy(valid.Value, today);
        Reassessment reassessment = Reassessment.From(applications.Assess(valid.Value, today));
        Entitlement entitlement = await register.GetAsync(review.Jurisdiction, review.BeneficiaryId, review.Program, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Review {review.ReviewId}: no {review.Program} entitlement in the register.");
        ReviewDecision decision = ReviewRules.Decide(entitlement, reassessment, input.Findings.ToFindings(), today, policy.Dibao.GradualExitMonths, review.ReviewId, input.At);

        var notes = new List<AuditNote>
        {
            new(AuditEntryKind.Decision, input.Findings.Actor, string.Create(CultureInfo.InvariantCulture,
                $"Review {review.ReviewId} decided (核查结论): {decision.Outcome}. {decision.Reason} Rule: {decision.Rule}.")),
        };
        if (decision.Change is { } change)
        {
            EntitlementResult applied = await register.AppendAsync(review.Jurisdiction, review.BeneficiaryId, review.Program, change, cancellationToken).ConfigureAwait(false);
            entitlement = applied.Entitlement ?? entitlement;
            notes.Add(new AuditNote(AuditEntryKind.PaymentInstructed, "system", applied.Applied
                ? string.Create(CultureInfo.InvariantCulture, $"Register: {change.Kind} from {change.From}{(change.Until is { } until ? " through " + until : string.Empty)}{(change.MonthlyAmount is { } amount ? $", {amount:0.00} yuan a month" : string.Empty)}; the payroll pays by it.")
                : "Register refused the change: " + applied.Error));
        }

        decimal recovered = 0m;
        if (decision.RecoverFrom is { } from)
        {
            RecoveryClaim claim = await ledger.ClaimRecoveryAsync(review.Jurisdiction, review.BeneficiaryId, review.Program, from, decision.RecoverThrough!.Value, review.ReviewId, cancellationToken).ConfigureAwait(false);
            recovered = claim.Amount;
            notes.Add(new AuditNote(AuditEntryKind.PaymentInstructed, "system", string.Create(CultureInfo.InvariantCulture,
                $"Recovery claim (追回) recorded in the ledger: {claim.Amount:0.00} yuan paid in {(claim.Months.Count == 0 ? "no month" : string.Join(", ", claim.Months))}.")));
        }

        if (input.Findings.Household is not null)
        {
            await cases.SaveReviewedApplicationAsync(review.CaseId, review.ReviewId, found, cancellationToken).ConfigureAwait(false);
            foreach (var member in valid.Value.Household.Members)
            {
                // A member the review found joins the people index, so that agency records about him reach the household.
                await people.IndexAsync(ids.PersonOf(member.Id), new Relief.Cases.Storage.Feeds.PersonMembership(review.BeneficiaryId, review.Program, review.Jurisdiction, review.CaseId,
                    System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Relationship.ToString())), cancellationToken).ConfigureAwait(false);
            }
        }

        bool stays = decision.Outcome is ReviewOutcome.Continued or ReviewOutcome.Adjusted;
        ReviewSchedule cadence = review.Program == "tekun" ? ReviewCadence.ForTekun(policy, today) : ReviewCadence.ForDibao(valid.Value.Household, policy, today);
        var warnings = decision.Warning is { } warning && !household.Warnings.Contains(warning) ? [.. household.Warnings, warning] : household.Warnings;
        await reviews.ScheduleAsync(household with
        {
            Frequency = cadence.Frequency,
            NextReview = stays ? cadence.NextReview : household.NextReview,
            Active = stays,
            Warnings = warnings,
            FactsFrom = input.Findings.Household is null ? factsFrom : review.ReviewId,
        }, cancellationToken).ConfigureAwait(false);
        if (decision.Warning is not null) notes.Add(new AuditNote(AuditEntryKind.Action, input.Findings.Actor, decision.Warning));
        notes.Add(new AuditNote(AuditEntryKind.Action, "system", stays
            ? string.Create(CultureInfo.InvariantCulture, $"Next review due {cadence.NextReview:yyyy-MM-dd} ({cadence.Frequency}: {cadence.Reason})")
            : "The household leaves the review schedule."));

        var stored = await reviews.GetReviewAsync(review.ReviewId, cancellationToken).ConfigureAwait(false)
            ?? new ReviewRecord(review.ReviewId, review.BeneficiaryId, review.Program, review.Jurisdiction, review.CaseId, review.Reason, today, ReviewState.Open, input.At);
        await reviews.UpdateAsync(stored with { State = ReviewState.Decided, Outcome = decision.Outcome, DecisionReason = decision.Reason, Rule = decision.Rule, DecidedAt = input.At },
            cancellationToken).ConfigureAwait(false);
        await updates.AppendAsync(review.CaseId, review.ReviewId + ":decision", record.Step.ToString(), input.At, notes, cancellationToken).ConfigureAwait(false);
        Logs.ReviewDecided(logger, review.ReviewId, decision.Outcome);

        PayPeriod next = PayPeriod.Of(today).Next;
        return new ReviewSummary(decision.Outcome, decision.Reason, decision.Rule, entitlement.AmountFor(decision.Change?.From ?? next),
            decision.Change?.From.ToString(), recovered, stays ? cadence.NextReview : null);
    }
}
