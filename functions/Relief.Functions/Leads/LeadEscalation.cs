using Microsoft.Extensions.Logging;
using Relief.Cases.Leads;
using Relief.Cases.Storage.Feeds;

namespace Relief.Functions.Leads;

/// <summary>
/// Escalates (督办) every lead whose visit deadline has passed and that is not escalated yet: the lead is marked with
/// the time and a line in its history, and shows on the work list with <c>escalated=true</c>. Run by the timer and the
/// admin endpoint; escalating twice changes nothing (a lead escalated already is skipped; a concurrent update wins and
/// the lead is looked at again on the next run).
/// </summary>
public sealed class LeadEscalation(LeadStore leads, TimeProvider time, ILogger<LeadEscalation> logger)
{
    /// <summary>Escalates what is overdue now; returns how many leads were escalated.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        int escalated = 0;
        await foreach (StoredLead stored in leads.OverdueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            Lead lead = stored.Lead;
            if (!lead.IsOverdueAt(now) || lead.EscalatedAt is not null) continue;
            Lead marked = lead with
            {
                EscalatedAt = now,
                History = [.. lead.History, new LeadEvent(now, "system", $"Escalated (督办): the visit was due by {lead.VisitDue:yyyy-MM-dd HH:mm}Z and has not been recorded.")],
            };
            if (await leads.UpdateAsync(marked, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                escalated++;
                Feeds.Logs.LeadEscalated(logger, lead.LeadId, lead.VisitDue);
            }
        }

        return escalated;
    }
}
