using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Payments;

/// <summary>An instruction as the ledger holds it, with its current status.</summary>
/// <param name="Instruction">The instruction.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Created">True when this write recorded it; false when it was already in the ledger.</param>
public sealed record LedgerEntry(PaymentInstruction Instruction, PaymentStatus Status, bool Created);

/// <summary>A payment as read from its ledger row, with its bank file (the row itself kept for an ETag-guarded update).</summary>
/// <param name="Entry">The instruction and its status.</param>
/// <param name="File">The bank file it is tied to, if any.</param>
public sealed record LedgerRow(LedgerEntry Entry, string? File)
{
    internal Azure.Data.Tables.TableEntity Row { get; init; } = null!;
}

/// <summary>What a ledger transition did.</summary>
public enum LedgerTransitionOutcome
{
    /// <summary>The payment moved and the event was appended.</summary>
    Moved,

    /// <summary>It was already there; nothing written.</summary>
    Unchanged,

    /// <summary>The transition table does not allow it; nothing written.</summary>
    Refused,

    /// <summary>No such payment in the ledger.</summary>
    Missing,
}

/// <summary>The result of <see cref="PaymentLedger.TransitionAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="From">The status before.</param>
/// <param name="File">The bank file the payment belongs to, if any.</param>
/// <param name="Instruction">The payment.</param>
/// <param name="Jurisdiction">The paying office's jurisdiction code, as instructed.</param>
public sealed record LedgerTransition(LedgerTransitionOutcome Outcome, PaymentStatus From, string? File, PaymentInstruction? Instruction, string? Jurisdiction = null)
{
    /// <summary>No such payment.</summary>
    public static LedgerTransition Missing { get; } = new(LedgerTransitionOutcome.Missing, PaymentStatus.Instructed, null, null);
}
