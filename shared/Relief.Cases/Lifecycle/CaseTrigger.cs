namespace Relief.Cases.Lifecycle;

/// <summary>What moves a case: a person's action through the API, or an event of the workflow itself.</summary>
public enum CaseTrigger
{
    /// <summary>The window accepts the application (受理).</summary>
    Accept,

    /// <summary>The window returns it, listing every missing material (一次性告知).</summary>
    ReturnForMaterials,

    /// <summary>The applicant supplies the missing materials (补正).</summary>
    ResubmitMaterials,

    /// <summary>Investigators record their findings (调查结果).</summary>
    RecordInvestigation,

    /// <summary>The workflow's assessment proposes approval; the proposal goes on notice.</summary>
    ProposeApproval,

    /// <summary>The workflow's assessment proposes refusal; it goes straight to the decision.</summary>
    ProposeRefusal,

    /// <summary>Someone objects during the notice (公示异议).</summary>
    FileObjection,

    /// <summary>The community review (民主评议) is recorded after an objection.</summary>
    RecordCommunityReview,

    /// <summary>The notice period ran out without objection.</summary>
    NoticePeriodEnded,

    /// <summary>The county approves (批准).</summary>
    Approve,

    /// <summary>The county refuses, with reasons (不予批准).</summary>
    Reject,

    /// <summary>Emergency track: advance relief decided and instructed (先行救助).</summary>
    GrantAdvanceRelief,

    /// <summary>The applicant withdraws (撤回).</summary>
    Withdraw,

    /// <summary>
    /// The overall limit is extended to 45 working days, with a written reason (特殊情况延长). The step does not
    /// change; allowed once, from acceptance until the decision.
    /// </summary>
    ExtendTimeLimit,
}
