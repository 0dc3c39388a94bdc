using Relief.Cases.Payments;

namespace Relief.Cases.Statistics;

/// <summary>The figures of one jurisdiction, program and month (月度统计), as read.</summary>
/// <param name="Month">The month.</param>
/// <param name="Jurisdiction">The jurisdiction (district).</param>
/// <param name="Program">The program code.</param>
/// <param name="Counts">Every figure (missing ones are zero).</param>
public sealed record MonthlyFigures(PayPeriod Month, string Jurisdiction, string Program, IReadOnlyDictionary<StatisticsMetric, long> Counts)
{
    /// <summary>A figure, zero when nothing was counted.</summary>
    public long this[StatisticsMetric metric] => Counts.TryGetValue(metric, out long value) ? value : 0;

    /// <summary>Yuan paid (the ledger's paid payments of the month).</summary>
    public decimal PaidYuan => this[StatisticsMetric.PaidFen] / 100m;

    /// <summary>Yuan instructed by the month's payroll.</summary>
    public decimal InstructedYuan => this[StatisticsMetric.InstructedFen] / 100m;

    /// <summary>Decisions of the month (approvals and refusals).</summary>
    public long Decisions => this[StatisticsMetric.Approvals] + this[StatisticsMetric.Refusals];

    /// <summary>Average working days from acceptance to decision, to one decimal (half away from zero); null without decisions.</summary>
    public decimal? AverageDecisionWorkingDays =>
        Decisions == 0 ? null : decimal.Round((decimal)this[StatisticsMetric.DecisionWorkingDays] / Decisions, 1, MidpointRounding.AwayFromZero);

    /// <summary>Adds another row's figures (same month; used to total over jurisdictions or programs).</summary>
    public static IReadOnlyDictionary<StatisticsMetric, long> Sum(IEnumerable<IReadOnlyDictionary<StatisticsMetric, long>> rows)
    {
        var total = new Dictionary<StatisticsMetric, long>();
        foreach (var row in rows)
        {
            foreach (var (metric, value) in row)
            {
                total[metric] = checked(total.GetValueOrDefault(metric) + value);
            }
        }

        return total;
    }
}
