using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Feeds;

/// <summary>A monthly visit to a beneficiary household (巡访).</summary>
/// <param name="BeneficiaryId">The household.</param>
/// <param name="Program">The program it is enrolled in.</param>
/// <param name="Jurisdiction">Its jurisdiction.</param>
/// <param name="VisitedOn">The day of the visit.</param>
/// <param name="Visitor">Who visited (<c>role:operator</c>).</param>
/// <param name="Findings">What was found; no ID numbers.</param>
/// <param name="ReviewId">The review the findings started, if any.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record Visit(string BeneficiaryId, string Program, string Jurisdiction, DateOnly VisitedOn, string Visitor, string Findings, string? ReviewId, DateTimeOffset RecordedAt);

/// <summary>
/// Monthly visits: PartitionKey = <c>{month}|{jurisdiction with ~ for /}</c>, RowKey = household, day and visitor — the
/// same visit posted twice is one row; a month's visits of a township are one partition read (the work list subtracts
/// them from the households enrolled there). Call <see cref="InitializeAsync"/> once.
/// </summary>
public sealed class VisitStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public VisitStore(TableServiceClient tables, IOptions<DiscoveryStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _table = tables.GetTableClient(options.Value.VisitsTableName);
    }

    /// <summary>Creates the table if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records a visit; true when new (the same household, day and visitor again replaces nothing).</summary>
    public async Task<bool> RecordAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var row = new TableEntity(Partition(PayPeriod.Of(visit.VisitedOn), visit.Jurisdiction), $"{visit.BeneficiaryId}|{visit.Program}|{visit.VisitedOn:yyyyMMdd}|{visit.Visitor.Replace('/', '~')}")
        {
            ["BeneficiaryId"] = visit.BeneficiaryId,
            ["Program"] = visit.Program,
            ["Jurisdiction"] = visit.Jurisdiction,
            ["VisitedOn"] = visit.VisitedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Visitor"] = visit.Visitor,
            ["Findings"] = visit.Findings,
            ["ReviewId"] = visit.ReviewId,
            ["RecordedAt"] = visit.RecordedAt,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The visits of one jurisdiction (exactly that code) in a month.</summary>
    public async IAsyncEnumerable<Visit> InMonthAsync(string jurisdiction, PayPeriod month, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(month, jurisdiction)}");
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new Visit(row.GetString("BeneficiaryId"), row.GetString("Program"), row.GetString("Jurisdiction"),
                DateOnly.ParseExact(row.GetString("VisitedOn"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                row.GetString("Visitor"), row.GetString("Findings"), row.GetString("ReviewId"), row.GetDateTimeOffset("RecordedAt") ?? default);
        }
    }

    private static string Partition(PayPeriod month, string jurisdiction) => month + "|" + jurisdiction.Replace('/', '~');
}
