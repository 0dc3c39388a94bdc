namespace Relief.Cases.Reviews;

/// <summary>What a review decides (核查结论).</summary>
public enum ReviewOutcome
{
    /// <summary>No material change: the benefit continues, amount unchanged (继续享受).</summary>
    Continued,

    /// <summary>The household's situation changed: a new monthly amount from the next month (调整).</summary>
    Adjusted,

    /// <summary>Income rose above the standard because a member found work: the benefit continues for the gradual-exit
    /// months, then stops (渐退).</summary>
    GradualExit,

    /// <summary>No longer eligible: payments stop from the month after the notice (终止).</summary>
    Terminated,

    /// <summary>Benefits obtained by fraud (骗取): terminated, and what was paid wrongly is claimed back (追回).</summary>
    TerminatedForFraud,
}
