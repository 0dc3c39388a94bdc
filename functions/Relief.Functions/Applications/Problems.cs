using Microsoft.AspNetCore.Http;
using Relief.Cases.Lifecycle;
using Relief.Domain.Validation;

namespace Relief.Functions.Applications;

/// <summary>ProblemDetails (RFC 9457) answers shared by the application functions.</summary>
internal static class Problems
{
    /// <summary>400 listing every bad field by its JSON path (一次性告知).</summary>
    public static IResult Validation(IEnumerable<ValidationError> errors, string title = "The request has errors; every one is listed (一次性告知).") =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: title);

    /// <summary>400 for one field.</summary>
    public static IResult Field(string field, string message) => Validation([new ValidationError(field, $"{field}: {message}")]);

    /// <summary>404 for an unknown case.</summary>
    public static IResult CaseNotFound(string caseId) =>
        TypedResults.Problem(title: "Case not found", detail: $"There is no case '{caseId}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 naming the current step: the action is not valid in it.</summary>
    public static IResult InvalidStep(CaseTransitionResult result) =>
        TypedResults.Problem(
            title: $"Not allowed in step '{result.From}'",
            detail: result.Error,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["step"] = result.From.ToString(),
                ["action"] = result.Trigger.ToString(),
                ["allowed"] = CaseTransitions.AllowedIn(result.From).Select(t => t.ToString()).ToArray(),
            });

    /// <summary>409 with a sentence.</summary>
    public static IResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>The case id from the route, or null when it cannot be one.</summary>
    public static string? CaseId(string? id) =>
        id is not null && Cases.Storage.StorageNames.IsValidCaseId(id) ? id : null;

    /// <summary>The status URL of a case.</summary>
    public static string StatusUrl(string caseId) => "/api/applications/" + caseId;

    /// <summary>409: the household already has an open case of the program (一户一案); names it and its status URL.</summary>
    public static IResult OpenCase(string program, string openCaseId, string whatNow) =>
        TypedResults.Problem(title: "An application of this household is already open", statusCode: StatusCodes.Status409Conflict,
            detail: $"The household already has an open {program} case ({openCaseId}); {whatNow}",
            extensions: new Dictionary<string, object?> { ["openCaseId"] = openCaseId, ["statusUrl"] = StatusUrl(openCaseId) });
}
