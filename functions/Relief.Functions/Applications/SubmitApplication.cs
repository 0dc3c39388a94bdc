using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Intake;
using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>POST /api/applications</c> (救助申请): validates everything and lists every problem at once (400, 一次性告知);
/// with an <c>Idempotency-Key</c> header a retry returns the same case (a different body under the same key → 422);
/// stores the case and its application and starts its orchestration (instance id = case id); 202 with the case id and
/// the status URL in <c>Location</c>. A household with an open case of the program gets 409 with that case's id.
/// </summary>
public sealed class SubmitApplication(ApplicationIntake intake)
{
    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = ApplicationIntake.IdempotencyHeader;

    [Function(nameof(SubmitApplication))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await JsonBodies.ReadAsync<ApplicationRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        string? key = request.Headers[IdempotencyHeader].FirstOrDefault();
        if (key is not null && (string.IsNullOrWhiteSpace(key) || key.Length > ApplicationIntake.MaxKeyLength))
        {
            return Problems.Field(IdempotencyHeader, $"must be 1–{ApplicationIntake.MaxKeyLength} characters.");
        }

        return (await intake.SubmitAsync(request, read.Value!, key, "applications|" + request.Caller().Subject, durable, cancellationToken).ConfigureAwait(false)).Result;
    }
}
/// <summary>The 202 answer of <c>POST /api/applications</c>.</summary>
/// <param name="CaseId">The case (application) id.</param>
/// <param name="Step">Its step.</param>
/// <param name="StatusUrl">Where to follow it.</param>
public sealed record ApplicationAccepted(string CaseId, string Step, string StatusUrl);
