using System.Text.Json;
using P = Microsoft.DurableTask.Protobuf;

namespace Relief.FunctionsHost.Durable;

/// <summary>An activity's failure as the orchestration sees it. The worker's Durable extension reports an
/// activity exception as JSON (<c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>, <c>innerFailure</c>) in
/// the invocation's error message; that is unpacked, so the orchestrator's <c>TaskFailedException</c> carries
/// the activity's own type and message. Any other message is taken as it is.</summary>
internal static class FailureDetails
{
    public static P.TaskFailureDetails From(string? message, string? errorType, string? stackTrace)
    {
        if (message is { Length: > 1 } && message.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(message);
                if (Read(document.RootElement) is { } parsed) return parsed;
            }
            catch (JsonException)
            {
                // Not the extension's JSON: fall through.
            }
        }

        return new P.TaskFailureDetails { ErrorType = errorType ?? "FunctionFailed", ErrorMessage = message ?? "", StackTrace = stackTrace };
    }

    private static P.TaskFailureDetails? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("errorType", out var type)) return null;
        string? Text(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var details = new P.TaskFailureDetails { ErrorType = type.GetString() ?? "", ErrorMessage = Text("errorMessage") ?? "", StackTrace = Text("stackTrace") };
        if (element.TryGetProperty("innerFailure", out var inner) && Read(inner) is { } innerDetails) details.InnerFailure = innerDetails;
        return details;
    }
}
