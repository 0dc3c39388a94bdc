using Microsoft.Extensions.Logging;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Workflows;

/// <summary>Workflow logs. Case ids only: never names, ID numbers or phones.</summary>
internal static partial class Logs
{
    [LoggerMessage(100, LogLevel.Information, "Case {CaseId}: payment instructions written ({Kind}): {Count}")]
    public static partial void PaymentsWritten(ILogger logger, string caseId, PaymentKind kind, int count);

    [LoggerMessage(101, LogLevel.Warning, "Case {CaseId}: deadline {Kind} passed, escalated to supervision")]
    public static partial void DeadlineEscalated(ILogger logger, string caseId, CaseDeadlineKind kind);

    [LoggerMessage(102, LogLevel.Information, "Case {CaseId}: step {Step}")]
    public static partial void StepReached(ILogger logger, string caseId, CaseStep step);

    [LoggerMessage(103, LogLevel.Warning, "Case {CaseId}: action {Trigger} ignored in step {Step}")]
    public static partial void ActionIgnored(ILogger logger, string caseId, CaseTrigger trigger, CaseStep step);

    [LoggerMessage(104, LogLevel.Information, "Case {CaseId}: transfer {TransferId} {Trigger}")]
    public static partial void TransferChanged(ILogger logger, string caseId, string transferId, Relief.Cases.Transfers.TransferTrigger trigger);
}
