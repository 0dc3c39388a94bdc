using Microsoft.Extensions.Logging;

namespace Relief.Functions.Assessments;

/// <summary>The assessment preview's logs: counts and outcomes only, never a household's data.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Assessment preview: {Programs} program(s) for {Jurisdiction}, {Eligible} eligible")]
    public static partial void Previewed(ILogger logger, int programs, string jurisdiction, int eligible);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Assessment preview refused: {Errors} validation error(s)")]
    public static partial void PreviewInvalid(ILogger logger, int errors);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Assessment preview rate-limited")]
    public static partial void PreviewLimited(ILogger logger);
}
