using Microsoft.Extensions.Logging;

namespace Relief.Functions.Verification;

/// <summary>Economic-verification logs. Case and request ids only: never names, ID numbers or findings.</summary>
internal static partial class Logs
{
    [LoggerMessage(300, LogLevel.Information, "Case {CaseId}: verification answer {RequestId} recorded (late: {Late})")]
    public static partial void VerificationAnswered(ILogger logger, string caseId, string requestId, bool late);

    [LoggerMessage(301, LogLevel.Information, "Case {CaseId}: verification answer {RequestId} received again, unchanged (redelivery)")]
    public static partial void VerificationRepeated(ILogger logger, string caseId, string requestId);

    [LoggerMessage(302, LogLevel.Warning, "Case {CaseId}: verification answer {RequestId} corrected by the agency (discrepancy now {Discrepancy}); the earlier answer is kept")]
    public static partial void VerificationCorrected(ILogger logger, string caseId, string requestId, bool discrepancy);
}
