using Microsoft.Extensions.Logging;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Applications;

/// <summary>Application and case-action logs. Case ids only: never names, ID numbers or phones.</summary>
internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Case {CaseId} created ({Program}); orchestration started")]
    public static partial void CaseCreated(ILogger logger, string caseId, string program);

    [LoggerMessage(2, LogLevel.Information, "Application replayed with its Idempotency-Key: case {CaseId}")]
    public static partial void ApplicationReplayed(ILogger logger, string caseId);

    [LoggerMessage(3, LogLevel.Information, "Application refused: {ErrorCount} validation errors")]
    public static partial void ApplicationInvalid(ILogger logger, int errorCount);

    [LoggerMessage(4, LogLevel.Information, "Case {CaseId}: action {Trigger} raised in step {Step}")]
    public static partial void ActionRaised(ILogger logger, string caseId, CaseTrigger trigger, CaseStep step);

    [LoggerMessage(5, LogLevel.Information, "Case {CaseId}: action {Trigger} refused in step {Step}")]
    public static partial void ActionRefused(ILogger logger, string caseId, CaseTrigger trigger, CaseStep step);

    [LoggerMessage(6, LogLevel.Information, "Case {CaseId}: transfer {TransferId} started")]
    public static partial void TransferStarted(ILogger logger, string caseId, string transferId);

    [LoggerMessage(7, LogLevel.Information, "Case {CaseId} referred to {Program} as case {ReferredCaseId}")]
    public static partial void CaseReferred(ILogger logger, string caseId, string referredCaseId, string program);

    [LoggerMessage(20, LogLevel.Warning, "Case {CaseId}: {Trigger} refused: the caller investigated the case (separation of duties)")]
    public static partial void DutiesSeparated(ILogger logger, string caseId, CaseTrigger trigger);

    [LoggerMessage(21, LogLevel.Information, "Case {CaseId}: document {DocumentId} downloaded by {Actor}")]
    public static partial void DocumentDownloaded(ILogger logger, string caseId, string documentId, string actor);

    [LoggerMessage(22, LogLevel.Warning, "Case {CaseId}: document download refused to {Actor}")]
    public static partial void DocumentRefused(ILogger logger, string caseId, string actor);

    [LoggerMessage(23, LogLevel.Information, "Application refused: the household already has open {Program} case {CaseId}")]
    public static partial void ApplicationDuplicate(ILogger logger, string caseId, string program);
}
