using Microsoft.DurableTask;
using System.Globalization;
using Relief.Cases.Audit;
using Relief.Domain.Calendar;
using Relief.Functions.Workflows.Activities;

namespace Relief.Functions.Workflows;

/// <summary>
/// Orchestrator helper for activities that compute working-day deadlines. A date outside the loaded working-day
/// calendar is an error, never a guess (the next year's official schedule is data, loaded when published): when an
/// activity hits one, the gap is escalated once in the case's audit trail and the call is retried every
/// <see cref="RetryInterval"/> on a durable timer until the year's calendar file is deployed. Events raised meanwhile
/// stay buffered for the instance — nothing is lost, nothing is guessed.
/// </summary>
public static class CalendarAware
{
    /// <summary>How often deadlines are recomputed while the calendar they need is missing.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromHours(6);


    /// <summary>Calls <paramref name="activity"/>; on a calendar gap reports it on case <paramref name="caseId"/> (operation ids from <paramref name="nextOperation"/>) and waits.</summary>
    public static async Task<T> CallAsync<T>(TaskOrchestrationContext context, string caseId, Func<string> nextOperation, string activity, object input)
    {
        bool reported = false;
#pragma warning disable DURABLE0011 // Bounded in practice: one retry per 6 hours until the year's calendar is deployed (days, not years); ContinueAsNew would lose the case's run state.
        while (true)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input, WorkflowRetry.Planning);
            }
            catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<DateOutsideCalendarException>())
            {
                if (!reported)
                {
                    reported = true;
                    DateTimeOffset now = new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
                    string summary = "Working-day calendar missing (工作日历缺失): " + ex.FailureDetails.ErrorMessage
                        + " Deadlines cannot be computed until that year's calendar file is loaded; retried every "
                        + RetryInterval.TotalHours.ToString(CultureInfo.InvariantCulture) + " hours, and every action raised meanwhile is kept.";
                    await context.CallActivityAsync<bool>(ApplyCaseChange.Name,
                        new CaseChange(caseId, nextOperation(), now, Audit: [new AuditNote(AuditEntryKind.Escalation, "system", summary)]), WorkflowRetry.Activities);
                }

                using var cts = new CancellationTokenSource();
                await context.CreateTimer(context.CurrentUtcDateTime.Add(RetryInterval), cts.Token);
            }
        }
#pragma warning restore DURABLE0011
    }
}
