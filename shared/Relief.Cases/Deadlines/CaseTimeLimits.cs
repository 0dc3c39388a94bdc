namespace Relief.Cases.Deadlines;

/// <summary>
/// Time limits the jurisdiction policy files do not carry (national rules and the local rules of the seeds).
/// Defaults are documented on each property; a deployment may override them from configuration.
/// </summary>
public sealed record CaseTimeLimits
{
    /// <summary>
    /// Working days the county has to start data checks after a verification request (核对启动): 3 (57号).
    /// </summary>
    public int EconomicVerificationStartWorkingDays { get; init; } = 3;

    /// <summary>
    /// Days the departments have to answer the economic-verification request (部门反馈): 5. DOMAIN.md gives the
    /// local rule as "within 5 days"; they are read as <b>working</b> days, as administrative time limits in
    /// days are counted in working days (行政许可法 Art. 82) and the agencies answering only work on working
    /// days. Counted from the request.
    /// </summary>
    public int EconomicVerificationAnswerWorkingDays { get; init; } = 5;

    /// <summary>Tekun: investigation and first opinion within 15 working days of acceptance (43号).</summary>
    public int TekunInvestigationOpinionWorkingDays { get; init; } = 15;

    /// <summary>Tekun: county decision within 15 working days of receiving the file (43号).</summary>
    public int TekunCountyDecisionWorkingDays { get; init; } = 15;

    /// <summary>
    /// Hours for emergency advance relief when the policy sets none (seed 001 Qingdao: 24). The policy's
    /// <c>temporary.advanceReliefHours</c> wins when present.
    /// </summary>
    public int DefaultAdvanceReliefHours { get; init; } = 24;

    /// <summary>The national defaults.</summary>
    public static CaseTimeLimits Default { get; } = new();
}
