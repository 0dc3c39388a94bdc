using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Feeds;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Reviews;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Feeds;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Domain.Calendar;
using Relief.Functions.Leads;
using Relief.Functions.Reviews;
using Relief.Functions.Workflows;

namespace Relief.Functions.Feeds;

/// <summary>
/// What an agency record does (数据比对处置). For a beneficiary (found through the people index): a death stops the
/// member's share from the next month and starts a review due within 3 months of the death; custody takes the member
/// out of the household count from the next month; a job placement starts a review; the applicant's hukou moving away
/// hands the household over to the new jurisdiction (the old office stays responsible until it accepts), another
/// member's starts a review; a disability or medical record is noted for the next review. For a person who is not a
/// beneficiary: the leads <see cref="Relief.Cases.Leads.LeadRules"/> call for. A person reported deceased is never
/// brought back by a later record. Every write is idempotent and timed by the record's first receipt, so applying a
/// record again (after a crash) writes nothing new. Returns what was done, in words, without personal data.
/// </summary>
public sealed class FeedEffects(
    BeneficiaryIdentifier ids,
    PeopleIndex people,
    ReviewStore reviews,
    BeneficiaryRegister register,
    CaseApplications applications,
    ICaseStore cases,
    CaseUpdates updates,
    HandoverStore handovers,
    LeadRaiser leads,
    ILogger<FeedEffects> logger)
{
    /// <summary>Applies <paramref name="record"/>, first received at <paramref name="receivedAt"/>.</summary>
    public async Task<string> ApplyAsync(FeedRecord record, DateTimeOffset receivedAt, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        string person = ids.PersonOf(record.Person);
        PersonFacts? facts = await people.FactsAsync(person, cancellationToken).ConfigureAwait(false);
        if (record.Kind != FeedKind.Death && facts?.DiedOn is { } died)
        {
            return string.Create(CultureInfo.InvariantCulture, $"not applied: the person was reported deceased on {died:yyyy-MM-dd} ({facts.DeathRecord}); a later record brings nobody back");
        }

        var households = await ActiveHouseholdsAsync(person, cancellationToken).ConfigureAwait(false);
        var done = new List<string>();
        switch (record.Kind)
        {
            case FeedKind.Death:
                var (known, first) = await people.RecordDeathAsync(person, record.OccurredOn, record.Key, cancellationToken).ConfigureAwait(false);
                if (!first)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"already recorded: deceased on {known.DiedOn:yyyy-MM-dd} by {known.DeathRecord}; nothing changed");
                }

                foreach (var h in households)
                {
                    done.Add(await MemberLeavesAsync(h, record, receivedAt, cancellationToken).ConfigureAwait(false));
                    done.Add(await StartReviewAsync(h, ReviewReason.Death, record, record.OccurredOn.AddMonths(ReviewReasons.MonthsAfterDeath), durable, cancellationToken).ConfigureAwait(false));
                }

                break;
            case FeedKind.Custody:
                foreach (var h in households)
                {
                    done.Add(await MemberLeavesAsync(h, record, receivedAt, cancellationToken).ConfigureAwait(false));
                }

                break;
            case FeedKind.JobPlacement:
                foreach (var h in households)
                {
                    done.Add(await StartReviewAsync(h, ReviewReason.JobPlacement, record, ChinaStandardTime.DateOf(receivedAt), durable, cancellationToken).ConfigureAwait(false));
                }

                break;
            case FeedKind.HukouMove:
                foreach (var h in households)
                {
                    done.Add(h.Membership.Relationship == "applicant"
                        ? await HandOverAsync(h, record, receivedAt, cancellationToken).ConfigureAwait(false)
                        : await StartReviewAsync(h, ReviewReason.MemberMovedAway, record, ChinaStandardTime.DateOf(receivedAt), durable, cancellationToken).ConfigureAwait(false));
                }

                break;
            default:
                foreach (var h in households)
                {
                    done.Add(await NoteAsync(h, record, receivedAt, $"Agency record (部门数据): {record.Describe()}; to be considered at the household's next review.", cancellationToken).ConfigureAwait(false));
                }

                break;
        }

        // Leads are for people who are not beneficiaries (the children of a person in custody are checked one by one).
        if (record.Kind == FeedKind.Custody || (households.Count == 0 && record.Kind is FeedKind.MedicalSelfPay or FeedKind.Disability))
        {
            done.AddRange(await leads.RaiseForAsync(record, receivedAt, cancellationToken).ConfigureAwait(false));
        }

        if (done.Count == 0)
        {
            done.Add(households.Count == 0 ? "the person is not a beneficiary and the record calls for no lead" : "nothing to change");
        }

        return string.Join("; ", done);
    }

    /// <summary>The enrolled households the person belongs to whose enrolment is still active.</summary>
    public async Task<IReadOnlyList<EnrolledMember>> ActiveHouseholdsAsync(string person, CancellationToken cancellationToken)
    {
        var result = new List<EnrolledMember>();
        foreach (PersonMembership membership in await people.MembershipsAsync(person, cancellationToken).ConfigureAwait(false))
        {
            HouseholdReview? household = await reviews.GetHouseholdAsync(membership.BeneficiaryId, membership.Program, cancellationToken).ConfigureAwait(false);
            if (household is { Active: true }) result.Add(new EnrolledMember(membership, household));
        }

        return result;
    }

    /// <summary>
    /// A member leaves the household count (death: removed with his incomes; custody: status imprisoned or in
    /// compulsory rehabilitation, 57号 Art. 7): the household's facts are saved as they now are, and the register pays
    /// the amount the policy gives them from the next month; nobody left → terminated from the next month. When the
    /// household as it now is does not validate (the applicant died and another must be named) or is no longer eligible,
    /// the register is not changed here: the review decides, with its written reason.
    /// </summary>
    private async Task<string> MemberLeavesAsync(EnrolledMember h, FeedRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        DateOnly today = ChinaStandardTime.DateOf(at);
        PayPeriod next = PayPeriod.Of(today).Next;
        var caseRecord = await applications.RecordAsync(h.Household.CaseId, cancellationToken).ConfigureAwait(false);
        ApplicationRequest facts = await applications.CurrentFactsAsync(caseRecord, h.Household.FactsFrom, cancellationToken).ConfigureAwait(false);
        var members = (facts.Members ?? []).ToList();
        int index = members.FindIndex(m => string.Equals(m.ResidentId?.Trim(), record.Person.Value, StringComparison.OrdinalIgnoreCase));
        string household = $"household {h.Household.BeneficiaryId} ({h.Household.Program})";
        if (index < 0)
        {
            return $"{household}: the person is no longer among its counted members";
        }

        bool death = record.Kind == FeedKind.Death;
        if (!death && members[index].Status is "imprisoned" or "compulsoryRehabilitation")
        {
            return $"{household}: the member is already recorded in custody";
        }

        ApplicationRequest changed = death
            ? facts with
            {
                Members = members.Where((_, i) => i != index).ToArray(),
                Incomes = (facts.Incomes ?? []).Where(i => !string.Equals(i.MemberResidentId?.Trim(), record.Person.Value, StringComparison.OrdinalIgnoreCase)).ToArray(),
            }
            : facts with { Members = members.Select((m, i) => i == index ? m with { Status = record.Detail == "imprisonment" ? "imprisoned" : "compulsoryRehabilitation" } : m).ToArray() };
        string what = death ? "a member died" : $"a member is in {record.Detail}";
        string factsId = "fd-" + Hash(record.Key + "|" + h.Household.BeneficiaryId + "|" + h.Household.Program);
        string reason = $"Agency record (部门数据): {record.Describe()} — {what}; his share stops from {next}.";
        EntitlementChange? change = null;
        string outcome;
        if (changed.Members!.Count == 0)
        {
            change = new EntitlementChange(EntitlementChangeKind.Terminated, next, null, null, reason, record.Key, at);
            outcome = $"{household}: its only member died; payments stop from {next}";
        }
        else
        {
            var valid = applications.Validate(changed, today);
            if (!valid.IsValid)
            {
                outcome = $"{household}: {what}, and the household as it now is needs new facts ({string.Join(", ", valid.Errors.Select(e => e.Field).Distinct().Take(3))}, e.g. a new applicant); the register is unchanged until the review decides";
            }
            else
            {
                var assessment = applications.Assess(valid.Value, today);
                Entitlement? entitlement = await register.GetAsync(h.Household.Jurisdiction, h.Household.BeneficiaryId, h.Household.Program, cancellationToken).ConfigureAwait(false);
                decimal current = entitlement?.AmountFor(next) ?? 0m;
                if (!assessment.IsEligible)
                {
                    outcome = $"{household}: {what}; the household as it now is would not be eligible ({string.Join("; ", assessment.Reasons.Take(2))}); the register is unchanged until the review decides";
                }
                else if (assessment.Amount == current)
                {
                    outcome = string.Create(CultureInfo.InvariantCulture, $"{household}: {what}; the amount stays {current:0.00} yuan a month");
                }
                else
                {
                    change = new EntitlementChange(EntitlementChangeKind.Adjusted, next, assessment.Amount, null, reason, record.Key, at);
                    outcome = string.Create(CultureInfo.InvariantCulture, $"{household}: {what}; {assessment.Amount:0.00} yuan a month from {next} (was {current:0.00})");
                }
            }

            await cases.SaveReviewedApplicationAsync(h.Household.CaseId, factsId, changed, cancellationToken).ConfigureAwait(false);
            if (h.Household.FactsFrom != factsId)
            {
                HouseholdReview latest = await reviews.GetHouseholdAsync(h.Household.BeneficiaryId, h.Household.Program, cancellationToken).ConfigureAwait(false) ?? h.Household;
                await reviews.ScheduleAsync(latest with { FactsFrom = factsId }, cancellationToken).ConfigureAwait(false);
            }
        }

        if (change is not null)
        {
            EntitlementResult applied = await register.AppendAsync(h.Household.Jurisdiction, h.Household.BeneficiaryId, h.Household.Program, change, cancellationToken).ConfigureAwait(false);
            if (!applied.Applied) outcome += " — the register refused the change: " + applied.Error;
            if (change.Kind == EntitlementChangeKind.Terminated)
            {
                HouseholdReview latest = await reviews.GetHouseholdAsync(h.Household.BeneficiaryId, h.Household.Program, cancellationToken).ConfigureAwait(false) ?? h.Household;
                await reviews.ScheduleAsync(latest with { Active = false }, cancellationToken).ConfigureAwait(false);
            }
        }

        return await NoteAsync(h, record, at, "Agency record (部门数据): " + outcome + ".", cancellationToken, outcome, caseRecord.Step.ToString()).ConfigureAwait(false);
    }

    /// <summary>Starts a review of the household (once per household, reason and date).</summary>
    private async Task<string> StartReviewAsync(EnrolledMember h, ReviewReason reason, FeedRecord record, DateOnly due, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        HouseholdReview household = h.Household;
        string reviewId = ReviewRecord.IdOf(household.Program, household.BeneficiaryId, reason, record.OccurredOn);
        var input = new ReviewInput(reviewId, household.BeneficiaryId, household.Program, household.Jurisdiction, household.CaseId, reason, due,
            $"Agency record (部门数据): {record.Describe()}");
        bool started = await Instances.StartOnceAsync(durable, ReviewOrchestrator.Name, reviewId, input, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"review {reviewId} ({reason.ToCode()}, due {due:yyyy-MM-dd}) {(started ? "started" : "already started")}");
    }

    /// <summary>
    /// Hands the household over to the new jurisdiction (户籍迁出转办): a handover request the receiving office accepts
    /// (<c>POST /api/handovers/{householdId}/{program}/accept</c>); until then the old office stays responsible and pays.
    /// </summary>
    private async Task<string> HandOverAsync(EnrolledMember h, FeedRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        HouseholdReview household = h.Household;
        string to = record.ToJurisdiction!.Value.ToString();
        if (string.Equals(household.Jurisdiction, to, StringComparison.Ordinal))
        {
            return $"household {household.BeneficiaryId} ({household.Program}) is already in {to}";
        }

        var (handover, created) = await handovers.RequestAsync(new Handover(household.BeneficiaryId, household.Program, household.CaseId, household.Jurisdiction, to, record.Key, at, HandoverState.Requested), cancellationToken).ConfigureAwait(false);
        string outcome = created
            ? $"household {household.BeneficiaryId} ({household.Program}) handed over from {household.Jurisdiction} to {to}; {household.Jurisdiction} stays responsible until {to} accepts (首问负责)"
            : $"household {household.BeneficiaryId} ({household.Program}): a handover to {handover.ToJurisdiction} is already {handover.State.ToString().ToLowerInvariant()}";
        if (created) Logs.Handover(logger, household.BeneficiaryId, household.Program, household.Jurisdiction, to, "requested");
        return await NoteAsync(h, record, at, "Agency record (部门数据): " + record.Describe() + " — " + outcome + ".", cancellationToken, outcome).ConfigureAwait(false);
    }

    /// <summary>A line in the enrolling case's audit trail, once per record and household.</summary>
    private async Task<string> NoteAsync(EnrolledMember h, FeedRecord record, DateTimeOffset at, string text, CancellationToken cancellationToken, string? outcome = null, string? step = null)
    {
        step ??= (await applications.RecordAsync(h.Household.CaseId, cancellationToken).ConfigureAwait(false)).Step.ToString();
        await updates.AppendAsync(h.Household.CaseId, "feed-" + Hash(record.Key + "|" + h.Household.BeneficiaryId + "|" + h.Household.Program), step, at,
            [new AuditNote(AuditEntryKind.Action, "agency:" + record.Kind.ToCode(), text)], cancellationToken).ConfigureAwait(false);
        return outcome ?? $"household {h.Household.BeneficiaryId} ({h.Household.Program}): noted for its next review";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>A person's active enrolment: his place in the household and the household's schedule.</summary>
/// <param name="Membership">From the people index.</param>
/// <param name="Household">The household's review schedule (its current jurisdiction and facts).</param>
public sealed record EnrolledMember(PersonMembership Membership, HouseholdReview Household);
