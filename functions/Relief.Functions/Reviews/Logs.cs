using Microsoft.Extensions.Logging;
using Relief.Cases.Reviews;

namespace Relief.Functions.Reviews;

/// <summary>Review log lines (ids only: review ids are pseudonymous, never a name or an ID number).</summary>
internal static partial class Logs
{
    [LoggerMessage(12001, LogLevel.Information, "Review {ReviewId} opened ({Reason})")]
    public static partial void ReviewOpened(ILogger logger, string reviewId, string reason);

    [LoggerMessage(12002, LogLevel.Information, "Review {ReviewId} superseded: the household's schedule moved or it left the program")]
    public static partial void ReviewSuperseded(ILogger logger, string reviewId);

    [LoggerMessage(12003, LogLevel.Warning, "Review {ReviewId}: findings deadline passed; escalated")]
    public static partial void ReviewEscalated(ILogger logger, string reviewId);

    [LoggerMessage(12004, LogLevel.Information, "Review {ReviewId} decided: {Outcome}")]
    public static partial void ReviewDecided(ILogger logger, string reviewId, ReviewOutcome outcome);

    [LoggerMessage(12005, LogLevel.Information, "Review sweep {Frequency} {Month}: page of {Households} households, {Started} started ({Total} so far)")]
    public static partial void SweepPage(ILogger logger, string frequency, string month, int households, int started, int total);
}
