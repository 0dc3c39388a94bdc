using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Storage;
using Relief.Cases.Transfers;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Domain.Validation;
using Relief.Functions.Workflows;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/transfers/{transferId}/reply</c>: the department's reply (转办答复), on time or late;
/// 202, 404 for an unknown transfer, 409 when it was already answered.
/// </summary>
public sealed class RecordDepartmentReply(ICaseStore cases)
{
    [Function(nameof(RecordDepartmentReply))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/transfers/{transferId}/reply")] HttpRequest request,
        string id,
        string transferId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var read = await JsonBodies.ReadAsync<CaseActionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        CaseActionRequest body = read.Value!;
        var errors = new List<ValidationError>();
        CaseActions.Check(body, errors);
        if (errors.Count > 0) return Problems.Validation(errors);

        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        var transfer = record?.Transfers.FirstOrDefault(t => t.TransferId == transferId);
        if (record is null || transfer is null)
        {
            return TypedResults.Problem(title: "Transfer not found", detail: $"There is no transfer '{transferId}' in case '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        Caller caller = request.Caller();
        if (!caller.Serves(transfer.Department))
        {
            return CallerAccess.Forbidden($"Transfer '{transferId}' is addressed to {transfer.Department}; your token's department is {caller.Department ?? "(none)"}.");
        }

        if (TransferTransitions.IsClosed(transfer.State))
        {
            return Problems.Conflict($"Transfer already in state '{transfer.State}'", $"Transfer '{transferId}' was already answered.");
        }

        if (!await Instances.HasStartedAsync(durable, TransferOrchestrator.InstanceId(record.CaseId, transferId), cancellationToken).ConfigureAwait(false))
        {
            return Instances.NotStarted(request, "transfer " + transferId);
        }

        await durable.RaiseEventAsync(TransferOrchestrator.InstanceId(record.CaseId, transferId), TransferOrchestrator.ReplyEvent,
            new DepartmentReplyEvent(caller.Actor, body.Note?.Trim()), cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted(Problems.StatusUrl(record.CaseId), new { caseId = record.CaseId, transferId, state = transfer.State.ToString() });
    }
}
