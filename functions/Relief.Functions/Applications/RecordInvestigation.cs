using Microsoft.AspNetCore.Http;
using Relief.Cases.Lifecycle;
using Relief.Domain.Validation;
using Relief.Hosting.Http;
using Relief.Hosting.Invocations;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/investigation</c>: record the investigation findings (入户调查, at least two
/// investigators), also the emergency paperwork and a re-investigation after an objection; 202, or 409 naming the step.
/// </summary>
public sealed class RecordInvestigation(CaseActions actions) : IHttpFunction<CaseActionRequest>
{
    /// <summary>Investigators required on a home visit (57号).</summary>
    public const int MinInvestigators = 2;

    public Task<IResult> RunAsync(CaseActionRequest body, HttpRequest request, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        int distinct = body.Investigators?.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).Count() ?? 0;
        return distinct >= MinInvestigators
            ? actions.RaiseAsync(request, body, CaseTrigger.RecordInvestigation, cancellationToken)
            : actions.RaiseAsync(request, body, CaseTrigger.RecordInvestigation, cancellationToken, null,
                new ValidationError("investigators", $"investigators: at least {MinInvestigators} different investigators (operator ids) are required."));
    }
}
