namespace Relief.Cases.Payments;

/// <summary>Where a payment instruction stands in the ledger (发放状态). Each change is an appended ledger event.</summary>
public enum PaymentStatus
{
    /// <summary>Recorded; not yet in a bank file.</summary>
    Instructed,

    /// <summary>In a credit-transfer file sent to the bank.</summary>
    Sent,

    /// <summary>The bank credited the account.</summary>
    Paid,

    /// <summary>The bank refused it (e.g. AC01 wrong account, AC04 closed account); the money waits for a correction.</summary>
    Rejected,

    /// <summary>Credited, then returned by the receiving bank.</summary>
    Returned,
}
