using Azure;
using Azure.Data.Tables;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;

namespace Relief.Cases.Storage.Cases;

/// <summary>The answer of <see cref="CaseStore.ClaimOpenCaseAsync"/>.</summary>
/// <param name="Claimed">True when the case may open; false when <paramref name="OpenCaseId"/> is still open.</param>
/// <param name="OpenCaseId">The household's open case of the program (the claimer's own case when claimed).</param>
public sealed record OpenCaseClaim(bool Claimed, string OpenCaseId);

public sealed partial class CaseStore
{
    private const string OpenRowKey = "open";

    /// <summary>How long a claim whose case record was never written (a crash between the two writes) blocks the household.</summary>
    public static readonly TimeSpan UnwrittenClaimLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One open case per household and program (一户一案): claims the household's slot of <paramref name="program"/> for
    /// <paramref name="caseId"/> (a row beside the cases, keyed by program and the pseudonymous household id). A slot held
    /// by an ended case is taken over (ETag); one held by an open case is refused with that case's id. Claiming again
    /// for the same case succeeds (a retried submission). Call before creating the case.
    /// </summary>
    public async Task<OpenCaseClaim> ClaimOpenCaseAsync(AssistanceProgram program, string householdId, string caseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdId);
        StorageNames.ThrowIfInvalidCaseId(caseId, nameof(caseId));
        string partition = "open|" + program.ToCode() + "|" + householdId;
        for (int attempt = 0; attempt < 10; attempt++)
        {
            DateTimeOffset now = _time.GetUtcNow();
            var entity = new TableEntity(partition, OpenRowKey) { ["CaseId"] = caseId, ["ClaimedAt"] = now };
            try
            {
                await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return new OpenCaseClaim(true, caseId);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Held: by this case (a retry), an open case, or an ended one.
            }

            NullableResponse<TableEntity> held = await _table.GetEntityIfExistsAsync<TableEntity>(partition, OpenRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!held.HasValue) continue;
            string holder = held.Value!.GetString("CaseId");
            if (holder == caseId) return new OpenCaseClaim(true, caseId);
            var record = await GetAsync(holder, cancellationToken).ConfigureAwait(false);
            bool open = record is null
                ? now - (held.Value.GetDateTimeOffset("ClaimedAt") ?? now) < UnwrittenClaimLifetime
                : !CaseTransitions.IsTerminal(record.Step);
            if (open) return new OpenCaseClaim(false, holder);
            try
            {
                await _table.UpdateEntityAsync(entity, held.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new OpenCaseClaim(true, caseId);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another submission took it over first: look again.
            }
        }

        throw new InvalidOperationException($"The open-case slot of household {householdId} in {program.ToCode()} kept changing; gave up.");
    }
}
