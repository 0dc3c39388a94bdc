namespace Relief.Cases.Lifecycle;

/// <summary>Where a case (案件) stands in the approval procedure. Terminal steps end the case.</summary>
public enum CaseStep
{
    /// <summary>Submitted, awaiting the acceptance check (受理).</summary>
    Submitted,

    /// <summary>Returned with every missing material listed at once (一次性告知); awaits the applicant.</summary>
    AwaitingMaterials,

    /// <summary>Accepted; home visit by two investigators and economic verification (入户调查、经济状况核对).</summary>
    Investigation,

    /// <summary>Findings recorded; the policy engine assesses eligibility and amount (审核评估).</summary>
    Assessment,

    /// <summary>Proposed approval on public notice for 7 days (公示).</summary>
    PublicNotice,

    /// <summary>An objection was filed; re-investigation or community review (重新调查 / 民主评议).</summary>
    Reinvestigation,

    /// <summary>With the county for its decision (县级审批).</summary>
    AwaitingDecision,

    /// <summary>Emergency track: advance relief granted; the paperwork follows (先行救助后补齐手续).</summary>
    Paperwork,

    /// <summary>Emergency track: notice after the fact (事后公示).</summary>
    PostHocNotice,

    /// <summary>Approved and enrolled; benefits from the month after approval (批准纳入).</summary>
    Approved,

    /// <summary>Refused, with written reasons (不予批准).</summary>
    Refused,

    /// <summary>Withdrawn by the applicant (撤回申请).</summary>
    Withdrawn,
}
