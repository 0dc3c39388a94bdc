using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;
using Relief.Functions.Http;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/return</c>: return the application listing <b>every</b> missing material at once
/// (一次性告知) — the materials the program needs (<see cref="RequiredDocuments"/>) that are not among the uploaded
/// documents; 202 with the list, or 409 naming the step.
/// </summary>
public sealed class ReturnApplication(CaseActions actions, ICaseStore cases, IDocumentStore documents, IPolicyCatalog catalog)
{
    [Function(nameof(ReturnApplication))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/return")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var read = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        CaseActionRequest body = read.Value!;
        IReadOnlyList<string> missing = [];
        if (Problems.CaseId(id) is { } caseId && await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } record
            && await cases.GetApplicationAsync(caseId, cancellationToken).ConfigureAwait(false) is { } application
            && ApplicationValidator.Validate(application, ChinaStandardTime.DateOf(record.CreatedAt), catalog) is { IsValid: true } valid)
        {
            var supplied = (await documents.ListAsync(caseId, cancellationToken).ConfigureAwait(false)).Select(d => d.AsSupplied()).OfType<SuppliedDocument>();
            missing = RequiredDocuments.Missing(RequiredDocuments.For(valid.Value), supplied).Select(m => $"{m.Field}: {m.Description}").ToArray();
        }

        var result = await actions.RaiseAsync(request, body, id, durable, CaseTrigger.ReturnForMaterials, cancellationToken, [.. missing, .. body.Reasons ?? []]).ConfigureAwait(false);
        return result is Microsoft.AspNetCore.Http.HttpResults.Accepted<CaseActionAccepted> accepted && accepted.Value is { } value
            ? TypedResults.Accepted(accepted.Location, value with { MissingMaterials = missing })
            : result;
    }
}
