namespace Relief.Cases.Deadlines;

/// <summary>The time limits (办理时限) a case runs against.</summary>
public enum CaseDeadlineKind
{
    /// <summary>Investigation must start within 3 working days of acceptance (入户调查启动).</summary>
    InvestigationStart,

    /// <summary>Tekun: investigation and first opinion within 15 working days of acceptance (调查并提出初审意见).</summary>
    InvestigationOpinion,

    /// <summary>The county starts data checks within 3 working days of the request (核对启动).</summary>
    EconomicVerificationStart,

    /// <summary>Departments answer the economic-verification request (核对反馈, local rule: 5 working days).</summary>
    EconomicVerificationAnswers,

    /// <summary>End of the public notice, 7 calendar days from its start (公示期满).</summary>
    PublicNoticeEnd,

    /// <summary>County decision, from the day it receives the file (县级审批: 10 working days; tekun 15).</summary>
    CountyDecision,

    /// <summary>Overall limit from acceptance (办结时限: 20 or 30 working days).</summary>
    Overall,

    /// <summary>Overall limit when extended with a reason (特殊情况延长: 45 working days).</summary>
    OverallExtended,

    /// <summary>Emergency advance relief paid within 24 hours of the application (先行救助).</summary>
    AdvanceRelief,

    /// <summary>A department's reply to a transfer (转办答复).</summary>
    TransferReply,

    /// <summary>A review's findings (核查结论), due a number of working days after the review opened; <c>Reference</c> is the review id.</summary>
    ReviewFindings,

    /// <summary>The township's visit to a lead (线索核实走访); <c>Reference</c> is the lead id.</summary>
    LeadVisit,
}
