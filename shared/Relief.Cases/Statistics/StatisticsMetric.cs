namespace Relief.Cases.Statistics;

/// <summary>
/// One figure counted by program, jurisdiction (district) and month (统计指标). Each is a sum of whole numbers; amounts
/// are counted in fen (exact, the amounts being rounded to the fen where they are decided) and shown in yuan.
/// </summary>
public enum StatisticsMetric
{
    /// <summary>Applications received (申请), in the month of receipt.</summary>
    Applications,

    /// <summary>Cases approved (批准), in the month of the decision.</summary>
    Approvals,

    /// <summary>Cases refused (不予批准), in the month of the decision.</summary>
    Refusals,

    /// <summary>Approvals against the engine's finding (越权批准).</summary>
    Overrides,

    /// <summary>Sum of the working days from acceptance to decision over the decisions of the month (the average's numerator).</summary>
    DecisionWorkingDays,

    /// <summary>Deadlines of cases passed (超期), counted once per deadline, in the month it passed.</summary>
    OverdueSteps,

    /// <summary>Escalations to supervision (督办) of cases, reviews and leads.</summary>
    Escalations,

    /// <summary>Households whose review falls due in the month (应复核).</summary>
    ReviewsDue,

    /// <summary>Reviews decided in the month (已复核).</summary>
    ReviewsDone,

    /// <summary>Leads raised (疑似困难群众线索).</summary>
    LeadsRaised,

    /// <summary>Leads converted into applications (转为申请).</summary>
    LeadsConverted,

    /// <summary>Households covered: on the month's payroll (保障户数).</summary>
    Households,

    /// <summary>Persons covered: the members of those households (保障人数).</summary>
    Persons,

    /// <summary>Yuan instructed by the month's payroll, in fen.</summary>
    InstructedFen,

    /// <summary>Yuan paid (the bank accepted), from the ledger, in fen (发放金额).</summary>
    PaidFen,
}

/// <summary>Names of <see cref="StatisticsMetric"/> as stored and shown.</summary>
public static class StatisticsMetricNames
{
    /// <summary>Every metric, in display order.</summary>
    public static IReadOnlyList<StatisticsMetric> All { get; } = Enum.GetValues<StatisticsMetric>();

    /// <summary>The camelCase name, e.g. <c>paidFen</c>.</summary>
    public static string Name(this StatisticsMetric metric)
    {
        string text = metric.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
