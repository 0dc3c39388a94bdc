using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;
using Relief.Functions.Applications;

using Relief.Functions.Identity;

namespace Relief.Functions.Payroll;

/// <summary>
/// <c>GET /api/payrolls/{period}/reconciliation[?jurisdiction=qingdao]</c>: per jurisdiction, instructed = paid + rejected
/// + returned + pending in count and yuan, and every difference found (see <see cref="PaymentReconciler"/>). Reads the
/// month's ledger partitions once; meant for the month-end check, not for dashboards.
/// </summary>
public sealed class GetReconciliation(PaymentReconciler reconciler, PayrollStarter starter)
{
    [Function(nameof(GetReconciliation))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "payrolls/{period}/reconciliation")] HttpRequest request,
        string period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PayPeriod.TryParse(period, out PayPeriod month))
        {
            return Problems.Field("period", $"'{period}' is not a month in yyyy-MM form.");
        }

        IReadOnlyList<string> jurisdictions = starter.AllJurisdictions;
        if (request.Query.TryGetValue("jurisdiction", out var named) && named.ToString() is { Length: > 0 } one)
        {
            if (!jurisdictions.Contains(one, StringComparer.Ordinal))
            {
                return Problems.Field("jurisdiction", $"unknown: {one}; known: {string.Join(", ", jurisdictions)}.");
            }

            jurisdictions = [one];
        }

        // Supervisors and auditors: the payroll jurisdictions of their areas (none → an empty answer); one named outside them → 403.
        Caller caller = request.Caller();
        if (named.Count > 0 && !caller.Oversees(named.ToString())) return CallerAccess.Forbidden($"Payroll jurisdiction '{named}' is outside your areas ({string.Join(", ", caller.Areas)}).");
        jurisdictions = jurisdictions.Where(caller.Oversees).ToArray();

        var results = new List<Reconciliation>(jurisdictions.Count);
        foreach (string jurisdiction in jurisdictions)
        {
            results.Add(await reconciler.ReconcileAsync(jurisdiction, month.ToString(), cancellationToken).ConfigureAwait(false));
        }

        return TypedResults.Ok(new ReconciliationResponse(month.ToString(), results.Select(r => new JurisdictionReconciliation(
            r.Jurisdiction, r.Balanced, r.Instructed, r.Paid, r.Rejected, r.Returned, r.Pending, r.Differences)).ToArray()));
    }
}

/// <summary>The answer of <c>GET /api/payrolls/{period}/reconciliation</c>.</summary>
/// <param name="Period">The month.</param>
/// <param name="Jurisdictions">Each jurisdiction's reconciliation.</param>
public sealed record ReconciliationResponse(string Period, IReadOnlyList<JurisdictionReconciliation> Jurisdictions);

/// <summary>One jurisdiction's reconciliation of a month.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction.</param>
/// <param name="Balanced">True when the totals add up and nothing differs.</param>
/// <param name="Instructed">Every instruction.</param>
/// <param name="Paid">Credited.</param>
/// <param name="Rejected">Refused by the bank.</param>
/// <param name="Returned">Credited then returned.</param>
/// <param name="Pending">No answer yet (instructed or sent).</param>
/// <param name="Differences">Everything that does not agree.</param>
public sealed record JurisdictionReconciliation(string Jurisdiction, bool Balanced, PaymentTotal Instructed, PaymentTotal Paid, PaymentTotal Rejected, PaymentTotal Returned, PaymentTotal Pending, IReadOnlyList<ReconciliationDifference> Differences);
