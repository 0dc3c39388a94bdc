using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;
using Relief.Domain.Policies;
using Relief.Functions.Workflows;

namespace Relief.Functions.Payroll;

/// <summary>Starts the payroll of a period for jurisdictions (the timer and the admin endpoint share it).</summary>
public sealed partial class PayrollStarter(IPolicyCatalog catalog, BeneficiaryRegister register, ILogger<PayrollStarter> logger)
{
    /// <summary>Every jurisdiction that has a policy file (one payroll each).</summary>
    public IReadOnlyList<string> AllJurisdictions => catalog.Jurisdictions.Select(PayrollShards.Root).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Starts the payroll of <paramref name="period"/> for each jurisdiction. With <paramref name="runAgain"/> a finished
    /// payroll runs again (it pays only what is missing: late enrolments, a failed run); without, a payroll that ever
    /// started is left as it is (the timer). Says for each whether it started.
    /// </summary>
    public async Task<IReadOnlyList<PayrollStart>> StartAsync(DurableTaskClient durable, PayPeriod period, IEnumerable<string> jurisdictions, bool runAgain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(jurisdictions);
        var starts = new List<PayrollStart>();
        foreach (string jurisdiction in jurisdictions)
        {
            string id = PayrollOrchestrator.InstanceId(jurisdiction, period.ToString());
            var input = new PayrollInput(jurisdiction, period.ToString(), register.Shards);
            bool started = runAgain
                ? await Instances.StartUnlessRunningAsync(durable, PayrollOrchestrator.Name, id, input, cancellationToken).ConfigureAwait(false)
                : await Instances.StartOnceAsync(durable, PayrollOrchestrator.Name, id, input, cancellationToken).ConfigureAwait(false);
            Started(logger, jurisdiction, period.ToString(), started);
            starts.Add(new PayrollStart(jurisdiction, id, started ? "started" : runAgain ? "alreadyRunning" : "alreadyStarted"));
        }

        return starts;
    }

    [LoggerMessage(6001, LogLevel.Information, "Payroll {Jurisdiction} {Period}: started {Started} (false: it was running or had run)")]
    private static partial void Started(ILogger logger, string jurisdiction, string period, bool started);
}

/// <summary>A payroll start: its jurisdiction, instance and whether it started or was already running.</summary>
/// <param name="Jurisdiction">Payroll jurisdiction.</param>
/// <param name="InstanceId">Its orchestration instance.</param>
/// <param name="State"><c>started</c>, <c>alreadyRunning</c> (admin start) or <c>alreadyStarted</c> (timer).</param>
public sealed record PayrollStart(string Jurisdiction, string InstanceId, string State);
