using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Relief.Cases.Audit;
using Relief.Cases.Storage.Feeds;
using Relief.Cases.Storage.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Functions.Applications;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Handovers;

/// <summary>
/// <c>POST /api/handovers/{householdId}/{program}/accept</c>: the receiving office accepts a household handed over after
/// a hukou move (接收转办). The register entry (its whole history) and the review schedule move to the new
/// jurisdiction — its payroll pays the household from then on, its staff review it — and the enrolling case's audit
/// trail records who accepted. Until then the old office stayed responsible (首问负责). Accepting again changes nothing.
/// 200 with the handover; 403 when the caller does not cover the receiving jurisdiction; 404 when none is pending.
/// </summary>
public sealed class AcceptHandover(HandoverStore handovers, BeneficiaryRegister register, ReviewStore reviews, CaseUpdates updates, CaseApplications applications, TimeProvider time, ILogger<AcceptHandover> logger)
{
    [Function(nameof(AcceptHandover))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "handovers/{householdId}/{program}/accept")] HttpRequest request,
        string householdId,
        string program,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await handovers.GetAsync(householdId, program, cancellationToken).ConfigureAwait(false);
        if (stored is not { } found)
        {
            return TypedResults.Problem(title: "No handover", detail: $"Household '{householdId}' has no handover in {program}.", statusCode: StatusCodes.Status404NotFound);
        }

        Handover handover = found.Handover;
        if (CaseAccess.CheckJurisdiction(request, handover.ToJurisdiction, $"The handover to {handover.ToJurisdiction}") is { } forbidden) return forbidden;
        if (handover.State == HandoverState.Accepted) return TypedResults.Ok(handover);

        Caller caller = request.Caller();
        DateTimeOffset now = time.GetUtcNow();
        await register.MoveAsync(handover.FromJurisdiction, handover.ToJurisdiction, householdId, program, cancellationToken).ConfigureAwait(false);
        var schedule = await reviews.GetHouseholdAsync(householdId, program, cancellationToken).ConfigureAwait(false);
        if (schedule is not null && schedule.Jurisdiction != handover.ToJurisdiction)
        {
            await reviews.ScheduleAsync(schedule with { Jurisdiction = handover.ToJurisdiction }, cancellationToken).ConfigureAwait(false);
        }

        var record = await applications.RecordAsync(handover.CaseId, cancellationToken).ConfigureAwait(false);
        await updates.AppendAsync(handover.CaseId, "handover-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(handover.Record)))[..16], record.Step.ToString(), now,
            [new AuditNote(AuditEntryKind.Action, caller.Actor, $"Handover accepted (接收转办) by {handover.ToJurisdiction}: the household is paid and reviewed there from now on; {handover.FromJurisdiction} was responsible until now.")],
            cancellationToken).ConfigureAwait(false);
        Handover accepted = handover with { State = HandoverState.Accepted, AcceptedAt = now, AcceptedBy = caller.Actor };
        if (!await handovers.UpdateAsync(accepted, found.ETag, cancellationToken).ConfigureAwait(false))
        {
            return Problems.Conflict("Handover changed meanwhile", "Read it again and retry.");
        }

        Feeds.Logs.Handover(logger, householdId, program, handover.FromJurisdiction, handover.ToJurisdiction, "accepted");
        return TypedResults.Ok(accepted);
    }
}
