using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Domain.Calendar;
using Relief.Domain.Validation;
using Relief.Functions.Applications;
using Relief.Functions.Http;

namespace Relief.Functions.Assessments;

/// <summary>
/// <c>POST /api/assessments</c> — the self-check (我能申请吗): a household, its jurisdiction, a date and the programs
/// → for each, eligibility, the amount and the rules applied one by one. Any signed-in caller (an applicant through a portal included); stores nothing, logs no personal
/// data, limited per client (429 with <c>Retry-After</c>). A program the jurisdiction does not configure is an
/// outcome (<c>notConfigured</c>), not an error.
/// </summary>
public sealed class PreviewAssessment(CaseAssessor assessor, PreviewRateLimiter limiter, TimeProvider time, ILogger<PreviewAssessment> logger)
{
    /// <summary>How far back a preview may take the rules from.</summary>
    public static readonly int MaxYearsBack = 5;

    [Function(nameof(PreviewAssessment))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "assessments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!limiter.TryAcquire(request))
        {
            Logs.PreviewLimited(logger);
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(title: "Too many previews", detail: "Too many assessment previews from this client; try again in a minute.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var read = await JsonBodies.ReadAsync<JsonObject>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        var json = JsonBodies.OptionsOf(request);
        ApplicationRequest application;
        PreviewRequest preview;
        try
        {
            application = read.Value!.Deserialize<ApplicationRequest>(json)!;
            preview = read.Value!.Deserialize<PreviewRequest>(json)!;
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(title: "Malformed JSON", detail: $"The request body is not valid JSON for this function at {ex.Path}.", statusCode: StatusCodes.Status400BadRequest);
        }

        DateOnly today = ChinaStandardTime.DateOf(time.GetUtcNow());
        var errors = new List<ValidationError>();
        DateOnly date = preview.Date ?? today;
        if (date < today.AddYears(-MaxYearsBack) || date > today.AddYears(1))
        {
            errors.Add(new ValidationError("date", $"date: must be between {today.AddYears(-MaxYearsBack):yyyy-MM-dd} and {today.AddYears(1):yyyy-MM-dd}."));
        }

        IReadOnlyList<string> codes = preview.Programs is { Count: > 0 } asked ? asked : application.Program is { } one ? [one] : [];
        if (codes.Count == 0) errors.Add(new ValidationError("programs", "programs: name at least one of " + string.Join(", ", AssistancePrograms.Codes) + "."));
        if (codes.Count > AssistancePrograms.Codes.Count) errors.Add(new ValidationError("programs", $"programs: at most {AssistancePrograms.Codes.Count}."));

        var assessments = new List<ProgramPreview>();
        string jurisdiction = string.Empty;
        if (errors.Count == 0)
        {
            foreach (string code in codes.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                // Parsed only (no catalog): a program the jurisdiction does not administer is an outcome below.
                var valid = ApplicationValidator.Validate(application with { Program = code }, date, catalog: null, ValidationPurpose.Preview);
                if (!valid.IsValid)
                {
                    foreach (var error in valid.Errors)
                    {
                        var field = error.Field == "program" ? "programs" : error.Field;
                        if (!errors.Any(e => e.Field == field)) errors.Add(error with { Field = field });
                    }

                    continue;
                }

                jurisdiction = valid.Value.Household.Jurisdiction.ToString();
                CaseAssessment assessment = assessor.Assess(AssessmentInput.From(valid.Value), date);
                assessments.Add(ProgramPreview.From(valid.Value.Program, assessment));
            }
        }

        if (errors.Count > 0)
        {
            Logs.PreviewInvalid(logger, errors.Count);
            return Problems.Validation(errors, "The household has errors; every one is listed (一次性告知).");
        }

        Logs.Previewed(logger, assessments.Count, jurisdiction, assessments.Count(a => a.Outcome == "eligible"));
        return TypedResults.Ok(new PreviewResult(date, jurisdiction, assessments));
    }
}
