using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Feeds;

/// <summary>A person's place in an enrolled household.</summary>
/// <param name="BeneficiaryId">The household.</param>
/// <param name="Program">The program it is enrolled in.</param>
/// <param name="Jurisdiction">Where it was enrolled.</param>
/// <param name="CaseId">The enrolling case.</param>
/// <param name="Relationship">The person's relationship to the applicant (<c>applicant</c>, <c>spouse</c>, …).</param>
public sealed record PersonMembership(string BeneficiaryId, string Program, string Jurisdiction, string CaseId, string Relationship);

/// <summary>What the feeds established about a person (no ID number: the row is keyed by the pseudonym).</summary>
/// <param name="DiedOn">Date of death, once reported.</param>
/// <param name="DeathRecord">The record that reported it first (<c>{feed}|{recordId}</c>).</param>
public sealed record PersonFacts(DateOnly? DiedOn, string? DeathRecord);

/// <summary>
/// The people index (人员索引): PartitionKey = the person's keyed pseudonym (<c>pp-…</c>, never the ID number); rows
/// <c>m|{program}|{household}</c> for each enrolled household the person belongs to (written on enrolment), and
/// <c>facts</c> for what the feeds established (a death, once; later records about the person are then not applied:
/// nobody is resurrected by a record that arrives late). Call <see cref="InitializeAsync"/> once.
/// </summary>
public sealed class PeopleIndex
{
    private const string FactsRow = "facts";

    private readonly TableClient _table;

    /// <summary>Creates the index.</summary>
    public PeopleIndex(TableServiceClient tables, IOptions<DiscoveryStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.PeopleTableName);
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records that <paramref name="personKey"/> belongs to a household (idempotent: an upsert).</summary>
    public async Task IndexAsync(string personKey, PersonMembership membership, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personKey);
        ArgumentNullException.ThrowIfNull(membership);
        var row = new TableEntity(personKey, "m|" + membership.Program + "|" + membership.BeneficiaryId)
        {
            ["BeneficiaryId"] = membership.BeneficiaryId,
            ["Program"] = membership.Program,
            ["Jurisdiction"] = membership.Jurisdiction,
            ["CaseId"] = membership.CaseId,
            ["Relationship"] = membership.Relationship,
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The enrolled households <paramref name="personKey"/> belongs to (one partition read).</summary>
    public async Task<IReadOnlyList<PersonMembership>> MembershipsAsync(string personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personKey);
        var result = new List<PersonMembership>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {personKey} and RowKey ge {"m|"} and RowKey lt {"m}"}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new PersonMembership(row.GetString("BeneficiaryId"), row.GetString("Program"), row.GetString("Jurisdiction"), row.GetString("CaseId"), row.GetString("Relationship")));
        }

        return result;
    }

    /// <summary>What the feeds established about the person, or null when nothing.</summary>
    public async Task<PersonFacts?> FactsAsync(string personKey, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(personKey, FactsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? new PersonFacts(row.Value!.GetDateTime("DiedOn") is { } d ? DateOnly.FromDateTime(d) : null, row.Value.GetString("DeathRecord")) : null;
    }

    /// <summary>
    /// Records a death. The first record wins: a second notice (another source, another id) changes nothing and the
    /// facts as first recorded are returned with <c>First</c> false — unless it is the same record again.
    /// </summary>
    public async Task<(PersonFacts Facts, bool First)> RecordDeathAsync(string personKey, DateOnly diedOn, string recordKey, CancellationToken cancellationToken)
    {
        var row = new TableEntity(personKey, FactsRow)
        {
            ["DiedOn"] = new DateTime(diedOn, TimeOnly.MinValue, DateTimeKind.Utc),
            ["DeathRecord"] = recordKey,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return (new PersonFacts(diedOn, recordKey), true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = await _table.GetEntityAsync<TableEntity>(personKey, FactsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var facts = new PersonFacts(stored.Value.GetDateTime("DiedOn") is { } d ? DateOnly.FromDateTime(d) : null, stored.Value.GetString("DeathRecord"));
            if (facts.DiedOn is null)
            {
                await _table.UpdateEntityAsync(row, stored.Value.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return (new PersonFacts(diedOn, recordKey), true);
            }

            return (facts, facts.DeathRecord == recordKey);
        }
    }
}
