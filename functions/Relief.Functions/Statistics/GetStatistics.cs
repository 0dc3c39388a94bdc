using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Payments;
using Relief.Cases.Statistics;
using Relief.Cases.Storage.Statistics;
using Relief.Domain.Calendar;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Statistics;

/// <summary>
/// <c>GET /api/statistics?from=yyyy-MM&amp;to=yyyy-MM&amp;program=…&amp;jurisdiction=…&amp;format=json|csv</c> (统计报表): the
/// figures by month, jurisdiction (district) and program — households and persons covered, yuan instructed and paid,
/// applications, approvals, refusals, overrides, average working days from acceptance to decision, overdue steps,
/// escalations, reviews due and done, leads raised and converted — and each jurisdiction's dibao standards against its
/// minimum wage (target: ≥ 45%). Read from counters kept up to date as things happen: each month is one query per
/// counter shard, whatever the number of enrolments. Scoped by the caller's areas (an administrator sees all);
/// <c>jurisdiction</c> narrows to an area and those under it (403 outside the caller's). <c>month</c> = one month;
/// without any, the current China month. At most <see cref="MaxMonths"/> months.
/// </summary>
public sealed class GetStatistics(StatisticsStore statistics, IPolicyCatalog catalog, TimeProvider time)
{
    /// <summary>The most months one request reads.</summary>
    public const int MaxMonths = 24;

    /// <summary>The programs counted (leads are counted under <c>none</c>).</summary>
    public static readonly string[] Programs = ["dibao", "tekun", "temporary", "none"];

    [Function(nameof(GetStatistics))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "statistics")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.Unknown(request, "month", "from", "to", "program", "jurisdiction", "format") is { } unknown) return unknown;
        Caller caller = request.Caller();
        PayPeriod current = PayPeriod.Of(ChinaStandardTime.DateOf(time.GetUtcNow()));
        string? month = request.Query["month"].FirstOrDefault();
        string? fromText = request.Query["from"].FirstOrDefault() ?? month;
        string? toText = request.Query["to"].FirstOrDefault() ?? month;
        if (month is not null && (request.Query.ContainsKey("from") || request.Query.ContainsKey("to"))) return Problems.Field("month", "give month, or from and to, not both.");
        PayPeriod from = current, to = current;
        if (fromText is not null && !PayPeriod.TryParse(fromText, out from)) return Problems.Field(month is null ? "from" : "month", "a month yyyy-MM.");
        if (toText is not null && !PayPeriod.TryParse(toText, out to)) return Problems.Field(month is null ? "to" : "month", "a month yyyy-MM.");
        if (fromText is null) from = to;
        if (toText is null) to = from;
        if (to.CompareTo(from) < 0) return Problems.Field("to", "not before from.");
        int months = (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month) + 1;
        if (months > MaxMonths) return Problems.Field("to", $"at most {MaxMonths} months in one request.");
        string? program = request.Query["program"].FirstOrDefault()?.Trim().ToLowerInvariant();
        if (program is not null && !Programs.Contains(program)) return Problems.Field("program", $"one of {string.Join(", ", Programs)}.");
        string format = request.Query["format"].FirstOrDefault()?.Trim().ToLowerInvariant() ?? "json";
        if (format is not ("json" or "csv")) return Problems.Field("format", "json or csv.");
        string? jurisdiction = request.Query["jurisdiction"].FirstOrDefault()?.Trim().ToLowerInvariant();
        if (jurisdiction is { Length: > 0 } && !caller.Oversees(jurisdiction)) return CallerAccess.Forbidden($"Jurisdiction '{jurisdiction}' is outside your areas.");

        bool InScope(string j) =>
            caller.Oversees(j) && (jurisdiction is not { Length: > 0 } || j == jurisdiction || j.StartsWith(jurisdiction + "/", StringComparison.Ordinal));

        var rows = new List<MonthlyFigures>();
        for (PayPeriod m = from; m.CompareTo(to) <= 0; m = m.Next)
        {
            rows.AddRange(await statistics.ReadMonthAsync(m, InScope, program, cancellationToken).ConfigureAwait(false));
        }

        var views = rows.Select(StatisticsRow.Of).ToArray();
        if (format == "csv") return TypedResults.Text(StatisticsRow.Csv(views), "text/csv; charset=utf-8", Encoding.UTF8);

        var lastDay = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var standards = rows.Select(r => r.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(j => StandardView.Of(catalog, j, lastDay)).OfType<StandardView>().ToArray();
        return TypedResults.Ok(new { from = from.ToString(), to = to.ToString(), rows = views, standards });
    }
}

/// <summary>One row of the statistics: a month, jurisdiction and program with every figure (amounts in yuan).</summary>
public sealed record StatisticsRow(
    string Month, string Jurisdiction, string Program,
    long Households, long Persons, decimal InstructedYuan, decimal PaidYuan,
    long Applications, long Approvals, long Refusals, long Overrides, decimal? AverageDecisionWorkingDays,
    long OverdueSteps, long Escalations, long ReviewsDue, long ReviewsDone, long LeadsRaised, long LeadsConverted)
{
    /// <summary>The row of a month's figures.</summary>
    public static StatisticsRow Of(MonthlyFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Month.ToString(), f.Jurisdiction, f.Program,
            f[StatisticsMetric.Households], f[StatisticsMetric.Persons], f.InstructedYuan, f.PaidYuan,
            f[StatisticsMetric.Applications], f[StatisticsMetric.Approvals], f[StatisticsMetric.Refusals], f[StatisticsMetric.Overrides], f.AverageDecisionWorkingDays,
            f[StatisticsMetric.OverdueSteps], f[StatisticsMetric.Escalations], f[StatisticsMetric.ReviewsDue], f[StatisticsMetric.ReviewsDone],
            f[StatisticsMetric.LeadsRaised], f[StatisticsMetric.LeadsConverted]);
    }

    /// <summary>The rows as CSV (RFC 4180, header first, invariant culture, yuan with two decimals).</summary>
    public static string Csv(IEnumerable<StatisticsRow> rows)
    {
        var text = new StringBuilder("month,jurisdiction,program,households,persons,instructedYuan,paidYuan,applications,approvals,refusals,overrides,averageDecisionWorkingDays,overdueSteps,escalations,reviewsDue,reviewsDone,leadsRaised,leadsConverted\r\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Month},{Quote(r.Jurisdiction)},{r.Program},{r.Households},{r.Persons},{r.InstructedYuan:0.00},{r.PaidYuan:0.00},")
                .Append(CultureInfo.InvariantCulture, $"{r.Applications},{r.Approvals},{r.Refusals},{r.Overrides},{r.AverageDecisionWorkingDays?.ToString("0.0", CultureInfo.InvariantCulture)},")
                .Append(CultureInfo.InvariantCulture, $"{r.OverdueSteps},{r.Escalations},{r.ReviewsDue},{r.ReviewsDone},{r.LeadsRaised},{r.LeadsConverted}\r\n");
        }

        return text.ToString();
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A jurisdiction's dibao standards against its minimum wage on a date (低保标准与最低工资之比; seed 004 target ≥ 45%).</summary>
public sealed record StandardView(string Jurisdiction, string Date, decimal UrbanStandard, decimal RuralStandard, decimal MinimumWage, decimal UrbanShareOfMinimumWage, bool MeetsTarget)
{
    /// <summary>The target share of the minimum wage (seed 004).</summary>
    public const decimal TargetShare = 0.45m;

    /// <summary>The view for a jurisdiction with a policy in force on <paramref name="date"/>; null otherwise.</summary>
    public static StandardView? Of(IPolicyCatalog catalog, string jurisdiction, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        JurisdictionCode code;
        try
        {
            code = JurisdictionCode.Parse(jurisdiction);
        }
        catch (FormatException)
        {
            return null;
        }

        if (catalog.Find(code, date).Policy is not { } policy || policy.MinimumWage <= 0) return null;
        decimal share = decimal.Round(policy.Dibao.UrbanStandard / policy.MinimumWage, 4, MidpointRounding.AwayFromZero);
        return new StandardView(jurisdiction, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), policy.Dibao.UrbanStandard, policy.Dibao.RuralStandard, policy.MinimumWage, share, share >= TargetShare);
    }
}
