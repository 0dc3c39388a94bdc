namespace Relief.Cases.Lifecycle;

/// <summary>The outcome of applying a trigger: moved to <see cref="To"/>, or invalid in <see cref="From"/>.</summary>
public sealed record CaseTransitionResult
{
    private CaseTransitionResult(CaseStep from, CaseTrigger trigger, CaseStep? to)
    {
        From = from;
        Trigger = trigger;
        To = to;
    }

    /// <summary>The step the case was in.</summary>
    public CaseStep From { get; }

    /// <summary>The trigger that was applied.</summary>
    public CaseTrigger Trigger { get; }

    /// <summary>The new step; null when the transition is invalid.</summary>
    public CaseStep? To { get; }

    /// <summary>True when the trigger is valid in <see cref="From"/>.</summary>
    public bool IsValid => To is not null;

    /// <summary>A sentence naming both the step and the trigger, for the 409 response.</summary>
    public string? Error => IsValid
        ? null
        : $"'{Trigger}' is not allowed while the case is in step '{From}'. Allowed now: " +
          (CaseTransitions.AllowedIn(From) is { Count: > 0 } allowed ? string.Join(", ", allowed) : "nothing (the case has ended)") + ".";

    internal static CaseTransitionResult Moved(CaseStep from, CaseTrigger trigger, CaseStep to) => new(from, trigger, to);

    internal static CaseTransitionResult Invalid(CaseStep from, CaseTrigger trigger) => new(from, trigger, null);
}
