using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Feeds;

/// <summary>Where a handover stands.</summary>
public enum HandoverState
{
    /// <summary>Requested: the old office stays responsible (首问负责) until the new one accepts.</summary>
    Requested,

    /// <summary>Accepted by the new office: the household is paid and reviewed there from the next payroll.</summary>
    Accepted,
}

/// <summary>
/// A household handed over to another jurisdiction after a hukou move (户籍迁出转办).
/// </summary>
/// <param name="BeneficiaryId">The household.</param>
/// <param name="Program">The program.</param>
/// <param name="CaseId">The enrolling case.</param>
/// <param name="FromJurisdiction">The office responsible until acceptance.</param>
/// <param name="ToJurisdiction">The office it goes to.</param>
/// <param name="Record">The agency record that reported the move (<c>{feed}|{recordId}</c>).</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="State">Where it stands.</param>
public sealed record Handover(string BeneficiaryId, string Program, string CaseId, string FromJurisdiction, string ToJurisdiction, string Record, DateTimeOffset RequestedAt, HandoverState State)
{
    /// <summary>When the new office accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Who accepted (<c>role:operator</c>).</summary>
    public string? AcceptedBy { get; init; }
}

/// <summary>Handovers: PartitionKey = household, RowKey = program. Call <see cref="InitializeAsync"/> once.</summary>
public sealed class HandoverStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public HandoverStore(TableServiceClient tables, IOptions<DiscoveryStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.HandoversTableName);
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Requests a handover; when one is already pending for the household and program it is returned unchanged with
    /// <c>Created</c> false (a second move before acceptance is a matter for the offices, not silently re-routed).
    /// An accepted earlier handover is replaced by the new request.
    /// </summary>
    public async Task<(Handover Handover, bool Created)> RequestAsync(Handover handover, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handover);
        var existing = await GetAsync(handover.BeneficiaryId, handover.Program, cancellationToken).ConfigureAwait(false);
        if (existing is { Handover.State: HandoverState.Requested }) return (existing.Value.Handover, false);
        if (existing is { } accepted && accepted.Handover.Record == handover.Record) return (accepted.Handover, false);
        try
        {
            if (existing is { } old) await _table.UpdateEntityAsync(ToEntity(handover), old.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            else await _table.AddEntityAsync(ToEntity(handover), cancellationToken).ConfigureAwait(false);
            return (handover, true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return ((await GetAsync(handover.BeneficiaryId, handover.Program, cancellationToken).ConfigureAwait(false))!.Value.Handover, false);
        }
    }

    /// <summary>A household's handover in a program, with its ETag, or null.</summary>
    public async Task<(Handover Handover, ETag ETag)?> GetAsync(string beneficiaryId, string program, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(beneficiaryId, program, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? (FromEntity(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Replaces a handover read with <paramref name="etag"/>; false when it changed meanwhile.</summary>
    public async Task<bool> UpdateAsync(Handover handover, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(ToEntity(handover), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Pending handovers (a filtered query; there are few).</summary>
    public async IAsyncEnumerable<Handover> PendingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"State eq {nameof(HandoverState.Requested)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(row);
        }
    }

    private static TableEntity ToEntity(Handover h) => new(h.BeneficiaryId, h.Program)
    {
        ["CaseId"] = h.CaseId,
        ["FromJurisdiction"] = h.FromJurisdiction,
        ["ToJurisdiction"] = h.ToJurisdiction,
        ["Record"] = h.Record,
        ["RequestedAt"] = h.RequestedAt,
        ["State"] = h.State.ToString(),
        ["AcceptedAt"] = h.AcceptedAt,
        ["AcceptedBy"] = h.AcceptedBy,
    };

    private static Handover FromEntity(TableEntity row) => new(row.PartitionKey, row.RowKey, row.GetString("CaseId"), row.GetString("FromJurisdiction"), row.GetString("ToJurisdiction"),
        row.GetString("Record"), row.GetDateTimeOffset("RequestedAt") ?? default, Enum.Parse<HandoverState>(row.GetString("State")))
    {
        AcceptedAt = row.GetDateTimeOffset("AcceptedAt"),
        AcceptedBy = row.GetString("AcceptedBy"),
    };
}
