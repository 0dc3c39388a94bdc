using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Relief.Cases.Payments;
using Relief.Functions.Applications;
using Relief.Functions.Http;

namespace Relief.Functions.Payroll;

/// <summary>
/// <c>POST /api/payrolls/{period}</c> (admin key in Azure): starts the payroll of a month now — for every jurisdiction,
/// or those named in the body (<c>{"jurisdictions": ["qingdao"]}</c>). A finished payroll runs again and pays only
/// what is missing; one still running is left alone. 202 with each start and the progress URL; 400 for a bad period
/// or an unknown jurisdiction.
/// </summary>
public sealed class StartPayroll(PayrollStarter starter)
{
    [Function(nameof(StartPayroll))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "payrolls/{period}")] HttpRequest request,
        string period,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PayPeriod.TryParse(period, out PayPeriod month))
        {
            return Problems.Field("period", $"'{period}' is not a month in yyyy-MM form.");
        }

        IReadOnlyList<string> jurisdictions = starter.AllJurisdictions;
        if (request.ContentLength is not 0 && !string.IsNullOrEmpty(request.ContentType))
        {
            var read = await JsonBodies.ReadAsync<JsonObject>(request, cancellationToken).ConfigureAwait(false);
            if (!read.IsValid) return read.Problem!;
            if (read.Value!["jurisdictions"] is JsonArray named)
            {
                string[] names = named.Select(n => n?.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>() : string.Empty).ToArray();
                string[] unknown = names.Where(n => !jurisdictions.Contains(n, StringComparer.Ordinal)).ToArray();
                if (unknown.Length > 0 || names.Length == 0)
                {
                    return Problems.Field("jurisdictions", names.Length == 0
                        ? "must name at least one jurisdiction."
                        : $"unknown: {string.Join(", ", unknown)}; known: {string.Join(", ", jurisdictions)}.");
                }

                jurisdictions = names.Distinct(StringComparer.Ordinal).ToArray();
            }
        }

        var starts = await starter.StartAsync(durable, month, jurisdictions, runAgain: true, cancellationToken).ConfigureAwait(false);
        string location = "/api/payrolls/" + month;
        return TypedResults.Accepted(location, new PayrollStarted(month.ToString(), starts, location));
    }
}

/// <summary>The answer of <c>POST /api/payrolls/{period}</c>.</summary>
/// <param name="Period">The month.</param>
/// <param name="Jurisdictions">Each jurisdiction's start.</param>
/// <param name="StatusUrl">Where progress is read.</param>
public sealed record PayrollStarted(string Period, IReadOnlyList<PayrollStart> Jurisdictions, string StatusUrl);
