using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Identifiers;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage;
using Relief.Cases.Transfers;
using Relief.Domain.Validation;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications/{id}/transfers</c>: transfer the case, or part of it, to a department (转办) with a reply
/// limit in working days (default 5); starts the transfer's orchestration; 202 with the transfer id. The accepting
/// office stays responsible (首问负责); 409 naming the step when the case has ended.
/// </summary>
public sealed class TransferCase(ICaseStore cases, CaseAccess access, IIdentifierSource ids, ILogger<TransferCase> logger)
{
    /// <summary>Default reply limit.</summary>
    public const int DefaultWorkingDays = 5;

    /// <summary>Longest reply limit.</summary>
    public const int MaxWorkingDays = 60;

    [Function(nameof(TransferCase))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/transfers")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var read = await JsonBodies.ReadAsync<TransferRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        TransferRequest body = read.Value!;
        var errors = new List<ValidationError>();
        if (body.Actor is not null) errors.Add(ActorField.Refused);

        Department department = default;
        if (body.Department is null || !Enum.TryParse(body.Department, ignoreCase: true, out department) || int.TryParse(body.Department, out _))
        {
            errors.Add(new ValidationError("department", "department: one of " + string.Join(", ", Enum.GetNames<Department>()) + "."));
        }

        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 500)
        {
            errors.Add(new ValidationError("subject", "subject: is required, at most 500 characters, free of personal data."));
        }
        else if (FreeText.Problem("subject", body.Subject, 500) is { } subject)
        {
            errors.Add(new ValidationError("subject", subject));
        }

        int days = body.WorkingDays ?? DefaultWorkingDays;
        if (days is < 1 or > MaxWorkingDays)
        {
            errors.Add(new ValidationError("workingDays", $"workingDays: 1–{MaxWorkingDays}."));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Problems.CaseNotFound(id ?? string.Empty);
        }

        if (access.Check(request, record, nameof(TransferCase)) is { } forbidden) return forbidden;
        if (CaseTransitions.IsTerminal(record.Step))
        {
            return Problems.Conflict($"Not allowed in step '{record.Step}'", $"The case has ended (step '{record.Step}'); it cannot be transferred.");
        }

        string transferId = "t-" + ids.NewId();
        var input = new TransferInput(record.CaseId, transferId, department, body.Subject!.Trim(), days, request.Caller().Actor);
        await Instances.StartOnceAsync(durable, TransferOrchestrator.Name, TransferOrchestrator.InstanceId(record.CaseId, transferId), input, cancellationToken).ConfigureAwait(false);
        Logs.TransferStarted(logger, record.CaseId, transferId);
        string status = Problems.StatusUrl(record.CaseId);
        return TypedResults.Accepted(status, new TransferAccepted(record.CaseId, transferId, department.ToString(), days, status));
    }
}

/// <summary>The body of a transfer (转办).</summary>
public sealed record TransferRequest
{
    /// <summary>Refused when present: who transfers comes from the token.</summary>
    public string? Actor { get; init; }

    /// <summary>Medical, Education, Housing, Employment or Disaster.</summary>
    public string? Department { get; init; }

    /// <summary>What is transferred, free of personal data.</summary>
    public string? Subject { get; init; }

    /// <summary>Reply limit in working days (default 5).</summary>
    public int? WorkingDays { get; init; }
}

/// <summary>The 202 answer of a transfer.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="TransferId">The transfer, for the department's reply.</param>
/// <param name="Department">The department.</param>
/// <param name="WorkingDays">The reply limit.</param>
/// <param name="StatusUrl">The case's status URL (transfers are listed there once recorded).</param>
public sealed record TransferAccepted(string CaseId, string TransferId, string Department, int WorkingDays, string StatusUrl);
