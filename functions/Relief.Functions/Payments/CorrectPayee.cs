using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Audit;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Payments;
using Relief.Domain.Validation;
using Relief.Functions.Applications;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Workflows;

namespace Relief.Functions.Payments;

/// <summary>
/// <c>PUT /api/applications/{caseId}/payee</c>: a caseworker corrects the bank account of a case (after a rejection such
/// as AC01/AC04, or where none was on file) and names the payments to send again — the work items' idempotency keys
/// and ledger months. The correction is kept beside the earlier ones (never overwritten); each named payment that was
/// rejected or returned goes back to instructed, and all of them are announced to the bank adapter now. 200 with the
/// number sent again; 400 naming each wrong field or a payment not of this case; 404 for an unknown case.
/// </summary>
public sealed class CorrectPayee(ICaseStore cases, PayeeCorrections corrections, PaymentLedger ledger, PaymentBatchWriter batches, BeneficiaryRegister register, CaseUpdates updates, CaseAccess access, TimeProvider time)
{
    [Function(nameof(CorrectPayee))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "applications/{caseId}/payee")] HttpRequest request,
        string caseId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problems.CaseId(caseId) is not { } id) return Problems.CaseNotFound(caseId);
        var record = await cases.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null) return Problems.CaseNotFound(id);
        if (access.Check(request, record, nameof(CorrectPayee)) is { } forbidden) return forbidden;
        var read = await JsonBodies.ReadAsync<PayeeCorrectionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid) return read.Problem!;
        var body = read.Value!;

        var errors = new List<ValidationError>();
        var (payee, payeeErrors) = ApplicationValidator.ValidatePayee(new PayeeRequest { AccountHolder = body.AccountHolder, AccountNumber = body.AccountNumber, BankCode = body.BankCode }, "payee");
        errors.AddRange(payeeErrors);
        string root = PayrollShards.Root(record.Jurisdiction);
        var named = new List<(string Partition, string Key, string Month, int Shard, decimal Amount)>();
        foreach (var (payment, i) in (body.Payments ?? []).Select((p, i) => (p, i)))
        {
            string field = string.Create(CultureInfo.InvariantCulture, $"payments[{i}]");
            if (string.IsNullOrWhiteSpace(payment.IdempotencyKey) || !PayPeriod.TryParse(payment.LedgerMonth, out _) || payment.IdempotencyKey.Split('|') is not [var beneficiary, _, _])
            {
                errors.Add(new ValidationError(field, $"{field}: idempotencyKey (beneficiary|program|period) and ledgerMonth (yyyy-MM) as the work item gives them."));
                continue;
            }

            int shard = PayrollShards.Of(beneficiary, register.Shards);
            string partition = PayrollShards.LedgerPartition(root, payment.LedgerMonth!, shard);
            var entry = await ledger.FindAsync(partition, payment.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (entry is null || entry.Instruction.CaseId != id)
            {
                errors.Add(new ValidationError(field, $"{field}: no payment of case {id} with that key in {payment.LedgerMonth}."));
                continue;
            }

            named.Add((partition, payment.IdempotencyKey, payment.LedgerMonth!, shard, entry.Instruction.Amount));
        }

        if (errors.Count > 0) return Problems.Validation(errors, "The correction was not recorded; every problem is listed.");

        DateTimeOffset at = time.GetUtcNow();
        await corrections.RecordAsync(id, payee!, at, cancellationToken).ConfigureAwait(false);
        foreach (var (partition, key, _, _, _) in named)
        {
            // Rejected or returned → instructed again; already instructed (held: no account) stays so.
            await ledger.TransitionAsync(partition, key, PaymentStatus.Instructed, "account corrected", null, cancellationToken).ConfigureAwait(false);
        }

        string run = "correction-" + id + "-" + at.UtcTicks.ToString(CultureInfo.InvariantCulture);
        int number = 0;
        foreach (var group in named.GroupBy(n => (n.Month, n.Shard)))
        {
            await batches.WriteAsync(new PaymentBatchMessage(root, group.Key.Month, group.Key.Shard, ++number, group.Select(g => g.Key).ToArray(), group.Sum(g => g.Amount), run), cancellationToken).ConfigureAwait(false);
        }

        await updates.AppendAsync(id, run, record.Step.ToString(), at,
            [new AuditNote(AuditEntryKind.Action, request.Caller().Actor, $"Bank account corrected (account {payee!.MaskedAccount}); {named.Count} payment(s) sent again.")], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PayeeCorrected(id, payee.MaskedAccount, named.Count));
    }
}

/// <summary>The body of <c>PUT /api/applications/{caseId}/payee</c>.</summary>
public sealed record PayeeCorrectionRequest
{
    /// <summary>The account holder.</summary>
    public string? AccountHolder { get; init; }

    /// <summary>10–32 digits.</summary>
    public string? AccountNumber { get; init; }

    /// <summary>12-digit CNAPS code.</summary>
    public string? BankCode { get; init; }

    /// <summary>The payments to send again, as the work items name them.</summary>
    public IReadOnlyList<PaymentReference>? Payments { get; init; }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccountHolder = ***, AccountNumber = ***, BankCode = ").Append(BankCode);
        return true;
    }
}

/// <summary>A payment named by a work item.</summary>
/// <param name="IdempotencyKey">Beneficiary|program|period.</param>
/// <param name="LedgerMonth">Its ledger month.</param>
public sealed record PaymentReference(string? IdempotencyKey, string? LedgerMonth);

/// <summary>The answer of <c>PUT /api/applications/{caseId}/payee</c>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Account">The account now in force, masked.</param>
/// <param name="PaymentsSentAgain">Payments announced to the bank adapter.</param>
public sealed record PayeeCorrected(string CaseId, string Account, int PaymentsSentAgain);
