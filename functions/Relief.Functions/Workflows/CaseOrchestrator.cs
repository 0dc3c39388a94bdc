using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;

namespace Relief.Functions.Workflows;

/// <summary>
/// The case orchestration (案件审批流程), one instance per case (instance id = case id).
/// <list type="bullet">
/// <item>Standard track (dibao, tekun, temporary-expenditure, and an emergency not eligible for advance relief):
/// acceptance (受理) → investigation, which must start within 3 working days (timer raced against the findings;
/// overdue → escalation, keep waiting), and economic verification (经济状况核对): requests to every agency at acceptance,
/// answers from the integration queue as events, a missing answer escalated at its 5-working-day limit → assessment by the policy engine → public notice, 7 days (an objection →
/// re-investigation or community review → a new notice) → decision, raced against the county and overall limits
/// (overdue → escalation, keep waiting) → payment instructions from the month after approval, or written refusal.</item>
/// <item>Emergency track (急难型): advance relief and its payment instruction at once (先行救助, within 24 hours), then the
/// paperwork, post-hoc notice (事后公示) and the final decision, whose balance is paid.</item>
/// <item>At any wait: a withdrawal (撤回) ends the case; an extension (特殊情况延长) replaces the overall limit with 45
/// working days from acceptance.</item>
/// </list>
/// Deterministic: time from the context, I/O in activities; see <see cref="CaseRun"/>.
/// </summary>
public static class CaseOrchestrator
{
    /// <summary>The orchestrator name.</summary>
    public const string Name = "CaseWorkflow";

    /// <summary>The external event every case action arrives as (payload <see cref="CaseActionEvent"/>).</summary>
    public const string ActionEvent = "CaseAction";

    /// <summary>The external event an agency's economic-verification answer arrives as (payload <see cref="VerificationAnswerEvent"/>).</summary>
    public const string AnswerEvent = "VerificationAnswer";

    /// <summary>The external event an official calendar year loaded at run time arrives as (payload <see cref="CalendarLoadedEvent"/>).</summary>
    public const string CalendarEvent = "CalendarLoaded";

    /// <summary>The orchestrator function: the input is the <see cref="CaseWorkflowInput"/> the case was started with.</summary>
    [Function(Name)]
    public static Task<CaseOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<CaseWorkflowInput>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input."));
    }

    /// <summary>Runs one case; a withdrawal (撤回) at any wait ends it as withdrawn.</summary>
    public static async Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var run = new CaseRun(context, input);
        try
        {
            return await RunStepsAsync(run, input);
        }
        catch (CaseWithdrawnException)
        {
            return new CaseOutcome(CaseStep.Withdrawn, 0m);
        }
    }

    private static async Task<CaseOutcome> RunStepsAsync(CaseRun run, CaseWorkflowInput input)
    {
        await run.ReceivedAsync();
        if (input.Program == AssistanceProgram.TemporaryEmergency && await run.TryAdvanceReliefAsync())
        {
            await run.PaperworkAsync();
        }
        else
        {
            await run.AcceptanceAsync();
            await run.InvestigationAsync();
            if (!await run.AssessAndProposeAsync())
            {
                return await run.DecisionAsync();
            }
        }

        await run.NoticeAsync();
        return await run.DecisionAsync();
    }
}
