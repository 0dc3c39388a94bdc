namespace Relief.Cases.Transfers;

/// <summary>What moves a transfer.</summary>
public enum TransferTrigger
{
    /// <summary>The department replies.</summary>
    Reply,

    /// <summary>The reply deadline passes.</summary>
    DeadlinePassed,
}
