using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Payments;

/// <summary>An instruction as the ledger holds it, with its current status.</summary>
/// <param name="Instruction">The instruction.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Created">True when this write recorded it; false when it was already in the ledger.</param>
public sealed record LedgerEntry(PaymentInstruction Instruction, PaymentStatus Status, bool Created);
