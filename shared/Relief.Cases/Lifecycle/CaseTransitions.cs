using System.Collections.Frozen;

namespace Relief.Cases.Lifecycle;

/// <summary>
/// The case lifecycle as one explicit table: (step, trigger) → next step. Anything not in the table is an
/// invalid transition, reported with both the step and the trigger (HTTP maps it to 409 naming the step).
/// </summary>
public static class CaseTransitions
{
    private static readonly FrozenDictionary<(CaseStep From, CaseTrigger Trigger), CaseStep> Table =
        new Dictionary<(CaseStep, CaseTrigger), CaseStep>
        {
            // Acceptance (受理) and the one-time notice of missing materials (一次性告知).
            [(CaseStep.Submitted, CaseTrigger.Accept)] = CaseStep.Investigation,
            [(CaseStep.Submitted, CaseTrigger.ReturnForMaterials)] = CaseStep.AwaitingMaterials,
            [(CaseStep.AwaitingMaterials, CaseTrigger.ResubmitMaterials)] = CaseStep.Submitted,

            // Standard track: investigation → assessment → notice → decision.
            [(CaseStep.Investigation, CaseTrigger.RecordInvestigation)] = CaseStep.Assessment,
            [(CaseStep.Assessment, CaseTrigger.ProposeApproval)] = CaseStep.PublicNotice,
            [(CaseStep.Assessment, CaseTrigger.ProposeRefusal)] = CaseStep.AwaitingDecision,
            [(CaseStep.PublicNotice, CaseTrigger.FileObjection)] = CaseStep.Reinvestigation,
            [(CaseStep.PublicNotice, CaseTrigger.NoticePeriodEnded)] = CaseStep.AwaitingDecision,

            // An objection: re-investigate or hold a community review, then a new notice.
            [(CaseStep.Reinvestigation, CaseTrigger.RecordInvestigation)] = CaseStep.PublicNotice,
            [(CaseStep.Reinvestigation, CaseTrigger.RecordCommunityReview)] = CaseStep.PublicNotice,

            [(CaseStep.AwaitingDecision, CaseTrigger.Approve)] = CaseStep.Approved,
            [(CaseStep.AwaitingDecision, CaseTrigger.Reject)] = CaseStep.Refused,

            // Emergency track (急难型): pay first, paperwork and notice after (先行救助、事后公示).
            [(CaseStep.Submitted, CaseTrigger.GrantAdvanceRelief)] = CaseStep.Paperwork,
            [(CaseStep.Paperwork, CaseTrigger.RecordInvestigation)] = CaseStep.PostHocNotice,
            [(CaseStep.PostHocNotice, CaseTrigger.FileObjection)] = CaseStep.Reinvestigation,
            [(CaseStep.PostHocNotice, CaseTrigger.NoticePeriodEnded)] = CaseStep.AwaitingDecision,

            // Withdrawal (撤回) from any open step.
            [(CaseStep.Submitted, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.AwaitingMaterials, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.Investigation, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.Assessment, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.PublicNotice, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.Reinvestigation, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.AwaitingDecision, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.Paperwork, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,
            [(CaseStep.PostHocNotice, CaseTrigger.Withdraw)] = CaseStep.Withdrawn,

            // Extension of the overall limit (特殊情况延长): the step stays, from acceptance until the decision.
            [(CaseStep.Investigation, CaseTrigger.ExtendTimeLimit)] = CaseStep.Investigation,
            [(CaseStep.Assessment, CaseTrigger.ExtendTimeLimit)] = CaseStep.Assessment,
            [(CaseStep.PublicNotice, CaseTrigger.ExtendTimeLimit)] = CaseStep.PublicNotice,
            [(CaseStep.Reinvestigation, CaseTrigger.ExtendTimeLimit)] = CaseStep.Reinvestigation,
            [(CaseStep.AwaitingDecision, CaseTrigger.ExtendTimeLimit)] = CaseStep.AwaitingDecision,
            [(CaseStep.Paperwork, CaseTrigger.ExtendTimeLimit)] = CaseStep.Paperwork,
            [(CaseStep.PostHocNotice, CaseTrigger.ExtendTimeLimit)] = CaseStep.PostHocNotice,
        }.ToFrozenDictionary();

    /// <summary>True when a case in <paramref name="step"/> has ended.</summary>
    public static bool IsTerminal(CaseStep step) =>
        step is CaseStep.Approved or CaseStep.Refused or CaseStep.Withdrawn;

    /// <summary>Applies a trigger: the next step, or an invalid transition naming both.</summary>
    public static CaseTransitionResult Apply(CaseStep from, CaseTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to)
            ? CaseTransitionResult.Moved(from, trigger, to)
            : CaseTransitionResult.Invalid(from, trigger);

    /// <summary>The triggers allowed in a step (for error messages and portals).</summary>
    public static IReadOnlyList<CaseTrigger> AllowedIn(CaseStep step) =>
        Table.Keys.Where(k => k.From == step).Select(k => k.Trigger).Order().ToArray();

    /// <summary>Every (from, trigger, to) row, for documentation and tests.</summary>
    public static IEnumerable<(CaseStep From, CaseTrigger Trigger, CaseStep To)> Rows =>
        Table.Select(kv => (kv.Key.From, kv.Key.Trigger, kv.Value));
}
