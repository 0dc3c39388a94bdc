namespace Relief.Cases.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditEntryKind
{
    /// <summary>The case moved from one step to another.</summary>
    StepChanged,

    /// <summary>A person acted on the case (the action and its result).</summary>
    Action,

    /// <summary>A deadline was set for a step.</summary>
    DeadlineSet,

    /// <summary>A deadline passed and the step was escalated (督办).</summary>
    Escalation,

    /// <summary>A payment instruction was written.</summary>
    PaymentInstructed,

    /// <summary>A transfer to a department was opened, answered or became overdue.</summary>
    Transfer,

    /// <summary>A decision with its explanation was recorded.</summary>
    Decision,

    /// <summary>Personal data reached or refused: a document downloaded, or an attempt by someone without access (访问记录).</summary>
    Access,
}
