namespace Relief.Cases.Payments;

/// <summary>
/// The explicit transition table of a payment in the ledger. Anything not listed is refused; a transition to the
/// status a payment already has is a no-op (a redelivered bank report changes nothing).
/// </summary>
public static class PaymentTransitions
{
    private static readonly HashSet<(PaymentStatus From, PaymentStatus To)> Allowed =
    [
        (PaymentStatus.Instructed, PaymentStatus.Sent),     // put in a bank file
        (PaymentStatus.Sent, PaymentStatus.Paid),           // the bank credited it (pain.002 ACSC/ACCP)
        (PaymentStatus.Sent, PaymentStatus.Rejected),       // the bank refused it (pain.002 RJCT + reason)
        (PaymentStatus.Paid, PaymentStatus.Returned),       // credited, then returned
        (PaymentStatus.Rejected, PaymentStatus.Instructed), // account corrected: waits for the next bank file
        (PaymentStatus.Returned, PaymentStatus.Instructed), // the same
    ];

    /// <summary>True when a payment in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(PaymentStatus from, PaymentStatus to) => Allowed.Contains((from, to));
}
