namespace Relief.Cases.Storage.Payments;

/// <summary>The bank's announcement of a status report in the inbox container.</summary>
/// <param name="BlobName">The report's blob name.</param>
public sealed record BankStatusMessage(string BlobName);

/// <summary>
/// A payment a caseworker must act on (a work item on the rejection queue): rejected by the bank, or no account on file.
/// The money waits in the ledger; once the account is corrected it goes in the next bank file. No personal data.
/// </summary>
/// <param name="CaseId">The case that decided the payment.</param>
/// <param name="IdempotencyKey">The payment.</param>
/// <param name="Program">Program code.</param>
/// <param name="Period">The period.</param>
/// <param name="Amount">Yuan.</param>
/// <param name="ReasonCode">ISO 20022 reason (<c>AC01</c> incorrect account number, <c>AC04</c> closed account …), or <c>NOACCOUNT</c>.</param>
/// <param name="File">The bank file, when the bank rejected it.</param>
/// <param name="LedgerMonth">The payment's ledger month (with the key, what a correction names to send it again).</param>
public sealed record PaymentRejectionMessage(string CaseId, string IdempotencyKey, string Program, string Period, decimal Amount, string ReasonCode, string? File, string LedgerMonth);

/// <summary>One transfer of a bank file as the manifest records it (the way back from the bank's report to the ledger).</summary>
/// <param name="EndToEndId">The id sent to the bank.</param>
/// <param name="Partition">The ledger partition.</param>
/// <param name="Key">The idempotency key.</param>
/// <param name="Amount">Yuan.</param>
public sealed record ManifestEntry(string EndToEndId, string Partition, string Key, decimal Amount);
