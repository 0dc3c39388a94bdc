using Relief.Cases.Lifecycle;

namespace Relief.Cases.Records;

/// <summary>
/// A person's action accepted for a step and not yet applied by the case workflow (认领): written with the case's ETag
/// when the action is accepted, so that of two conflicting actions on the same step exactly one is accepted and the
/// other is answered 409. Void once the step has moved, or after <see cref="Lifetime"/> (an action the workflow
/// ignored must not block the case).
/// </summary>
/// <param name="Trigger">The action.</param>
/// <param name="Step">The step it was accepted on.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When it was accepted.</param>
public sealed record CaseActionClaim(CaseTrigger Trigger, CaseStep Step, string Actor, DateTimeOffset At)
{
    /// <summary>How long a claim blocks other actions on its step: 2 minutes (the workflow applies an action in seconds).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>True while the claim blocks other step-changing actions on <paramref name="step"/> at <paramref name="now"/>.</summary>
    public bool Blocks(CaseStep step, DateTimeOffset now) => Step == step && now < At + Lifetime;
}
