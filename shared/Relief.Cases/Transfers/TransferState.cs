namespace Relief.Cases.Transfers;

/// <summary>
/// A transfer's (转办) life: open until the department replies; past its deadline it is overdue and
/// escalated (督办), and a late reply still closes it. The accepting office stays responsible
/// throughout (首问负责制).
/// </summary>
public enum TransferState
{
    /// <summary>Sent to the department; the reply deadline runs.</summary>
    Open,

    /// <summary>The deadline passed without a reply; escalated, still awaiting the reply.</summary>
    Overdue,

    /// <summary>Answered within the deadline.</summary>
    Answered,

    /// <summary>Answered after the deadline.</summary>
    AnsweredLate,
}
