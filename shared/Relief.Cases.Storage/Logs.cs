using Microsoft.Extensions.Logging;
using Relief.Cases.Lifecycle;

namespace Relief.Cases.Storage;

/// <summary>
/// The storage adapters' log messages. Only case ids, steps, counts and codes are logged — never ID numbers,
/// names, phones or document contents.
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Case {CaseId} created ({Program}, {Jurisdiction}).")]
    public static partial void CaseCreated(this ILogger logger, string caseId, string program, string jurisdiction);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Case {CaseId} already exists; the create was a retry.")]
    public static partial void CaseAlreadyExists(this ILogger logger, string caseId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Case {CaseId} updated to step {Step}.")]
    public static partial void CaseUpdated(this ILogger logger, string caseId, CaseStep step);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Case {CaseId} changed since it was read; the update was not applied.")]
    public static partial void CaseUpdateConflict(this ILogger logger, string caseId);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Debug, Message = "Audit entry {Sequence} of case {CaseId} appended ({Kind}).")]
    public static partial void AuditAppended(this ILogger logger, string caseId, int sequence, string kind);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Audit sequence {Sequence} of case {CaseId} was taken concurrently; retrying with the next one.")]
    public static partial void AuditSequenceTaken(this ILogger logger, string caseId, int sequence);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Idempotency key claimed for case {CaseId}.")]
    public static partial void IdempotencyClaimed(this ILogger logger, string caseId);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Idempotency key replayed: returning case {CaseId}.")]
    public static partial void IdempotencyReplayed(this ILogger logger, string caseId);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Warning, Message = "Idempotency key of case {CaseId} reused with a different request body.")]
    public static partial void IdempotencyConflict(this ILogger logger, string caseId);

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Document {DocumentId} of case {CaseId} stored ({ContentType}, {Length} bytes).")]
    public static partial void DocumentStored(this ILogger logger, string caseId, string documentId, string contentType, long length);

    [LoggerMessage(EventId = 5131, Level = LogLevel.Warning, Message = "Document for case {CaseId} rejected: {Reason}.")]
    public static partial void DocumentRejected(this ILogger logger, string caseId, string reason);

    [LoggerMessage(EventId = 5140, Level = LogLevel.Information, Message = "Payment instruction for case {CaseId} ({Program}, period {Period}) written to queue {Queue}.")]
    public static partial void PaymentInstructionWritten(this ILogger logger, string caseId, string program, string period, string queue);

    [LoggerMessage(EventId = 5141, Level = LogLevel.Warning, Message = "Escalation (督办) of case {CaseId}: {DeadlineKind} due {DueAt:o} in step {Step}, written to queue {Queue}.")]
    public static partial void EscalationWritten(this ILogger logger, string caseId, string deadlineKind, DateTimeOffset dueAt, string step, string queue);

    [LoggerMessage(EventId = 5142, Level = LogLevel.Information, Message = "Economic-verification request {RequestId} of case {CaseId} to {Agency} written to queue {Queue}.")]
    public static partial void VerificationRequested(this ILogger logger, string caseId, string requestId, string agency, string queue);

    [LoggerMessage(EventId = 5150, Level = LogLevel.Information, Message = "Case {CaseId} enrolled in the beneficiary register ({Program}, {Jurisdiction}).")]
    public static partial void BeneficiaryEnrolled(this ILogger logger, string caseId, string program, string jurisdiction);

    [LoggerMessage(EventId = 5151, Level = LogLevel.Information, Message = "Entitlement of case {CaseId} ({Program}) changed: {Kind} from {From}.")]
    public static partial void EntitlementChanged(this ILogger logger, string caseId, string program, string kind, string from);

    [LoggerMessage(EventId = 5152, Level = LogLevel.Information, Message = "Ledger partition {Partition}: a transaction of {Count} instructions met existing ones; writing the missing ones singly.")]
    public static partial void LedgerChunkHadExisting(this ILogger logger, string partition, int count);

    [LoggerMessage(EventId = 5153, Level = LogLevel.Warning, Message = "Payment of case {CaseId} ({Program}, period {Period}) was instructed again with another amount; the first instruction stands.")]
    public static partial void LedgerAmountDiffers(this ILogger logger, string caseId, string program, string period);

    [LoggerMessage(EventId = 5154, Level = LogLevel.Information, Message = "Payroll {Jurisdiction} {Period}: shard {Shard} done, {Instructions} instructions ({New} new), {Amount} yuan.")]
    public static partial void PayrollShardDone(this ILogger logger, string jurisdiction, string period, int shard, int instructions, int @new, decimal amount);

    [LoggerMessage(EventId = 5160, Level = LogLevel.Information, Message = "Bank file {File} written: {Count} transfers, {Amount} yuan.")]
    public static partial void BankFileWritten(this ILogger logger, string file, int count, decimal amount);

    [LoggerMessage(EventId = 5161, Level = LogLevel.Warning, Message = "Payment of case {CaseId} ({Program}, {Period}) held: no bank account on file; a work item was raised.")]
    public static partial void BankPaymentHeld(this ILogger logger, string caseId, string program, string period);

    [LoggerMessage(EventId = 5162, Level = LogLevel.Error, Message = "A payment announced for bank file {File} (ledger month {Month}) is not in the ledger.")]
    public static partial void BankPaymentMissing(this ILogger logger, string file, string month);

    [LoggerMessage(EventId = 5163, Level = LogLevel.Warning, Message = "Payment of case {CaseId} ({Program}, {Period}) rejected by the bank: {Reason}; a work item was raised.")]
    public static partial void BankPaymentRejected(this ILogger logger, string caseId, string program, string period, string reason);

    [LoggerMessage(EventId = 5164, Level = LogLevel.Error, Message = "Status report for bank file {File} names a transfer the file did not hold.")]
    public static partial void BankStatusUnknownTransfer(this ILogger logger, string file);

    [LoggerMessage(EventId = 5165, Level = LogLevel.Information, Message = "Status report for bank file {File}: {Paid} paid, {Rejected} rejected, {Unknown} unknown.")]
    public static partial void BankStatusRecorded(this ILogger logger, string file, int paid, int rejected, int unknown);
}
