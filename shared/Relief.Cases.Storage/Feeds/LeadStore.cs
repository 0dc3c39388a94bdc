using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Cases.Leads;
using Relief.Cases.Payments;

using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;

namespace Relief.Cases.Storage.Feeds;

/// <summary>A lead with the ETag it was read with (for an update that must not overwrite another).</summary>
/// <param name="Lead">The lead.</param>
/// <param name="ETag">Its version.</param>
public sealed record StoredLead(Lead Lead, ETag ETag);

/// <summary>
/// Leads (疑似困难群众线索) in one table: the lead at PartitionKey <c>j|{township}</c> (the jurisdiction code with
/// <c>~</c> for <c>/</c>), RowKey = lead id, so a township's work list is one partition range; the open-lead slot at
/// <c>p|{person}</c> / reason (one open lead per person and reason, taken before the lead is written and released when it
/// ends); and a pointer from the lead id to its township at <c>id|{leadId}</c>. Call <see cref="InitializeAsync"/> once.
/// </summary>
public sealed class LeadStore
{
    /// <summary>The program code leads are counted under in the statistics: a lead belongs to no program until converted.</summary>
    public const string StatisticsProgram = "none";

    private readonly TableClient _table;
    private readonly StatisticsStore? _statistics;

    /// <summary>Creates the store; with <paramref name="statistics"/> leads raised and converted are counted by jurisdiction and month.</summary>
    public LeadStore(TableServiceClient tables, IOptions<DiscoveryStorageOptions> options, StatisticsStore? statistics = null)
    {
        _statistics = statistics;
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.LeadsTableName);
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Raises <paramref name="lead"/> unless the person already has an open lead for the reason: then that one is
    /// returned with <c>Created</c> false. Safe to retry (the same lead id finds its own slot and row).
    /// </summary>
    public async Task<(Lead Lead, bool Created)> RaiseAsync(Lead lead, CancellationToken cancellationToken)
    {
        var raised = await RaiseOnceAsync(lead, cancellationToken).ConfigureAwait(false);
        // Counted for the lead returned, created now or earlier (a retry after a crash counts it under the same key).
        await CountAsync(raised.Lead, "raised", raised.Lead.RaisedAt, StatisticsMetric.LeadsRaised, cancellationToken).ConfigureAwait(false);
        return raised;
    }

    private async Task<(Lead Lead, bool Created)> RaiseOnceAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        string slotPartition = "p|" + lead.PersonKey;
        string reason = lead.Reason.ToCode();
        var slot = new TableEntity(slotPartition, reason) { ["LeadId"] = lead.LeadId, ["Jurisdiction"] = lead.Jurisdiction };
        try
        {
            await _table.AddEntityAsync(slot, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var held = (await _table.GetEntityAsync<TableEntity>(slotPartition, reason, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            string heldBy = held.GetString("LeadId");
            if (!string.Equals(heldBy, lead.LeadId, StringComparison.Ordinal))
            {
                StoredLead? open = await GetAsync(heldBy, cancellationToken).ConfigureAwait(false);
                if (open is not null && !LeadTransitions.IsEnded(open.Lead.State))
                {
                    return (open.Lead, false);
                }

                // The lead holding the slot ended (its release was interrupted) or was never written: take the slot over.
                await _table.UpdateEntityAsync(slot, held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
        }

        await _table.UpsertEntityAsync(new TableEntity("id|" + lead.LeadId, string.Empty) { ["Jurisdiction"] = lead.Jurisdiction }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.AddEntityAsync(ToEntity(lead), cancellationToken).ConfigureAwait(false);
            return (lead, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return ((await GetAsync(lead.LeadId, cancellationToken).ConfigureAwait(false))!.Lead, true);
        }
    }

    /// <summary>A lead by id, or null.</summary>
    public async Task<StoredLead?> GetAsync(string leadId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(leadId) || leadId.Length > 64 || leadId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))) return null;
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>("id|" + leadId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue) return null;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(pointer.Value!.GetString("Jurisdiction")), leadId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? new StoredLead(FromEntity(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>
    /// Replaces a lead read with <paramref name="etag"/>; false when it changed meanwhile (the caller re-reads). When the
    /// lead has ended its open-lead slot is released, so a new record may raise a new lead.
    /// </summary>
    public async Task<bool> UpdateAsync(Lead lead, ETag etag, CancellationToken cancellationToken)
    {
        bool updated = await UpdateOnceAsync(lead, etag, cancellationToken).ConfigureAwait(false);
        if (updated && lead.State == LeadState.Converted)
        {
            await CountAsync(lead, "converted", lead.History.Count > 0 ? lead.History[^1].At : lead.RaisedAt, StatisticsMetric.LeadsConverted, cancellationToken).ConfigureAwait(false);
        }

        return updated;
    }

    private async Task CountAsync(Lead lead, string what, DateTimeOffset at, StatisticsMetric metric, CancellationToken cancellationToken)
    {
        if (_statistics is null) return;
        var month = PayPeriod.Of(Relief.Domain.Calendar.ChinaStandardTime.DateOf(at));
        await _statistics.RecordAsync(StatisticsEvent.One($"lead|{lead.LeadId}|{what}", lead.Jurisdiction, StatisticsProgram, month, metric), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> UpdateOnceAsync(Lead lead, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        try
        {
            await _table.UpdateEntityAsync(ToEntity(lead), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }

        if (LeadTransitions.IsEnded(lead.State))
        {
            var slot = await _table.GetEntityIfExistsAsync<TableEntity>("p|" + lead.PersonKey, lead.Reason.ToCode(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (slot.HasValue && slot.Value!.GetString("LeadId") == lead.LeadId)
            {
                try
                {
                    await _table.DeleteEntityAsync(slot.Value.PartitionKey, slot.Value.RowKey, slot.Value.ETag, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    // Already released or taken over.
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The leads of <paramref name="jurisdiction"/> and the areas under it (a range of partitions), newest last;
    /// optionally only those in <paramref name="state"/>.
    /// </summary>
    public async IAsyncEnumerable<Lead> ListAsync(string jurisdiction, LeadState? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string exact = Partition(jurisdiction);
        string filter = TableClient.CreateQueryFilter($"(PartitionKey eq {exact} or (PartitionKey ge {exact + "~"} and PartitionKey lt {exact + "\u007f"}))");
        if (state is { } s) filter += " and " + TableClient.CreateQueryFilter($"State eq {s.ToString()}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(row);
        }
    }

    /// <summary>
    /// Leads whose visit is overdue at <paramref name="now"/> and not yet escalated, across townships: a filtered query
    /// over the lead partitions (the escalation sweep's read; its cost grows with the leads kept, not the register).
    /// </summary>
    public async IAsyncEnumerable<StoredLead> OverdueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey ge {"j|"} and PartitionKey lt {"j}"} and AwaitsVisit eq {true} and Escalated eq {false} and VisitDue le {now}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredLead(FromEntity(row), row.ETag);
        }
    }

    private static string Partition(string jurisdiction) => "j|" + jurisdiction.Replace('/', '~');

    private static TableEntity ToEntity(Lead lead) => new(Partition(lead.Jurisdiction), lead.LeadId)
    {
        ["Data"] = JsonSerializer.Serialize(lead, StorageJson.Options),
        ["State"] = lead.State.ToString(),
        ["Reason"] = lead.Reason.ToCode(),
        ["AwaitsVisit"] = LeadTransitions.AwaitsVisit(lead.State),
        ["Escalated"] = lead.EscalatedAt is not null,
        ["VisitDue"] = lead.VisitDue,
    };

    private static Lead FromEntity(TableEntity row) => JsonSerializer.Deserialize<Lead>(row.GetString("Data"), StorageJson.Options)!;
}
