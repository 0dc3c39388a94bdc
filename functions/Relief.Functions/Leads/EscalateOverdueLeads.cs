using Microsoft.Azure.Functions.Worker;

namespace Relief.Functions.Leads;

/// <summary>
/// Timer (schedule: app setting <c>LeadEscalationSchedule</c>, e.g. <c>0 0 * * * *</c> — hourly): escalates the leads
/// whose visit is overdue (<see cref="LeadEscalation"/>).
/// </summary>
public sealed class EscalateOverdueLeads(LeadEscalation escalation)
{
    /// <summary>The setting naming the schedule.</summary>
    public const string ScheduleSetting = "LeadEscalationSchedule";

    [Function(nameof(EscalateOverdueLeads))]
    public Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        escalation.RunAsync(cancellationToken);
}
