using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Relief.Cases.Deadlines;
using Relief.Cases.Feeds;
using Relief.Cases.Leads;
using Relief.Cases.Storage.Feeds;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;
using Relief.Functions.Workflows;

namespace Relief.Functions.Leads;

/// <summary>
/// Raises the leads an agency record calls for (主动发现): the rule and threshold of the person's jurisdiction in force
/// on the day the record arrived; not for a beneficiary, not for a person reported deceased; one open lead per person
/// and reason — a further record for a person with an open lead adds its evidence to that lead's history. The visit
/// deadline is the jurisdiction's working days (a missing calendar year leaves it open, stated on the lead, rather than
/// guessed).
/// </summary>
public sealed class LeadRaiser(
    BeneficiaryIdentifier ids,
    PeopleIndex people,
    Relief.Cases.Storage.Reviews.ReviewStore reviews,
    LeadStore leads,
    IPolicyCatalog catalog,
    CaseDeadlinePlanner planner,
    ILogger<LeadRaiser> logger)
{
    /// <summary>Raises the leads of <paramref name="record"/>; returns what was done, in words.</summary>
    public async Task<IReadOnlyList<string>> RaiseForAsync(FeedRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Jurisdiction is not { } jurisdiction) return [];
        DateOnly today = ChinaStandardTime.DateOf(at);
        PolicyLookup lookup = catalog.Find(jurisdiction, today);
        if (!lookup.Found)
        {
            return [$"no lead: {jurisdiction} has no policy in force ({lookup.Reason})"];
        }

        PolicyParameters policy = lookup.Policy!;
        var done = new List<string>();
        foreach (LeadCandidate candidate in LeadRules.For(record, policy.Discovery))
        {
            string person = ids.PersonOf(candidate.Person);
            if (!candidate.Person.Equals(record.Person))
            {
                if ((await people.FactsAsync(person, cancellationToken).ConfigureAwait(false))?.DiedOn is not null)
                {
                    done.Add("no lead for a child reported deceased");
                    continue;
                }

                if (await IsBeneficiaryAsync(person, cancellationToken).ConfigureAwait(false))
                {
                    done.Add("no lead for a child who is already a beneficiary");
                    continue;
                }
            }

            string leadId = "ld-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{person}|{candidate.Reason.ToCode()}|{record.Key}")))[..16];
            CaseDeadline? due;
            string deadlineText;
            try
            {
                due = planner.LeadVisit(at, leadId, policy);
                deadlineText = $" Visit due by {due.DueDate:yyyy-MM-dd} ({due.Basis}).";
            }
            catch (DateOutsideCalendarException ex)
            {
                due = null;
                deadlineText = " Visit deadline not computed: " + ex.Message + " It is set when that year's calendar is loaded.";
            }

            var lead = new Lead(leadId, candidate.Reason, candidate.Jurisdiction.ToString(), candidate.Person.Value, person, candidate.Evidence, at, due?.ExpiresAt, LeadState.Open)
            {
                History = [new LeadEvent(at, "agency:" + record.Kind.ToCode(), "Raised (疑似困难群众线索下发): " + candidate.Evidence + deadlineText)],
            };
            var (stored, created) = await leads.RaiseAsync(lead, cancellationToken).ConfigureAwait(false);
            if (created)
            {
                Feeds.Logs.LeadRaised(logger, stored.LeadId, stored.Reason.ToCode(), stored.Jurisdiction, stored.VisitDue);
                done.Add($"lead {stored.LeadId} ({stored.Reason.ToCode()}) raised for {stored.Jurisdiction}");
            }
            else
            {
                await AddEvidenceAsync(stored.LeadId, new LeadEvent(at, "agency:" + record.Kind.ToCode(), "Further record: " + candidate.Evidence), cancellationToken).ConfigureAwait(false);
                done.Add($"lead {stored.LeadId} already open for the person and reason; the record is added to it");
            }
        }

        return done;
    }

    private async Task<bool> IsBeneficiaryAsync(string person, CancellationToken cancellationToken)
    {
        foreach (PersonMembership m in await people.MembershipsAsync(person, cancellationToken).ConfigureAwait(false))
        {
            if (await reviews.GetHouseholdAsync(m.BeneficiaryId, m.Program, cancellationToken).ConfigureAwait(false) is { Active: true }) return true;
        }

        return false;
    }

    private async Task AddEvidenceAsync(string leadId, LeadEvent evidence, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            StoredLead? stored = await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.Lead.History.Any(e => e.Text == evidence.Text)) return;
            if (await leads.UpdateAsync(stored.Lead with { History = [.. stored.Lead.History, evidence] }, stored.ETag, cancellationToken).ConfigureAwait(false)) return;
        }
    }
}
