using Microsoft.Extensions.Logging;

namespace Relief.Functions.Verification;

/// <summary>Economic-verification logs. Case and request ids only: never names, ID numbers or findings.</summary>
internal static partial class Logs
{
    [LoggerMessage(300, LogLevel.Information, "Case {CaseId}: verification answer {RequestId} recorded (late: {Late})")]
    public static partial void VerificationAnswered(ILogger logger, string caseId, string requestId, bool late);
}
