namespace Relief.Cases.Storage.Payments;

/// <summary>
/// A batch of payroll instructions for the bank adapter (on the <c>payment-batches</c> queue): where they are in the
/// ledger and their keys — amounts and accounts are read from the ledger and register, so the message holds no
/// personal data. At least once: a batch may arrive twice, or hold instructions already sent; the bank adapter sends
/// only what the ledger still shows as instructed.
/// </summary>
/// <param name="Jurisdiction">Payroll jurisdiction (first segment).</param>
/// <param name="LedgerMonth">The ledger month (the period).</param>
/// <param name="Shard">The shard.</param>
/// <param name="Number">The batch's number within the shard (from 1).</param>
/// <param name="Keys">Idempotency keys of the instructions.</param>
/// <param name="Amount">Yuan of the batch (a control sum).</param>
/// <param name="RunId">The run that announced it (a payroll run's start, a decision's operation): with the other fields it names the bank file.</param>
public sealed record PaymentBatchMessage(string Jurisdiction, string LedgerMonth, int Shard, int Number, IReadOnlyList<string> Keys, decimal Amount, string RunId);
