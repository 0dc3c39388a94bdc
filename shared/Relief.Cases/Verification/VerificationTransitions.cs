using System.Collections.Frozen;

namespace Relief.Cases.Verification;

/// <summary>The verification-request lifecycle as an explicit table; anything else is not a valid transition.</summary>
public static class VerificationTransitions
{
    private static readonly FrozenDictionary<(VerificationState, VerificationTrigger), VerificationState> Table =
        new Dictionary<(VerificationState, VerificationTrigger), VerificationState>
        {
            [(VerificationState.Requested, VerificationTrigger.Answer)] = VerificationState.Answered,
            [(VerificationState.Requested, VerificationTrigger.DeadlinePassed)] = VerificationState.Overdue,
            [(VerificationState.Overdue, VerificationTrigger.Answer)] = VerificationState.AnsweredLate,
        }.ToFrozenDictionary();

    /// <summary>The next state, or null when the trigger is not valid in <paramref name="from"/> (e.g. a second answer).</summary>
    public static VerificationState? Apply(VerificationState from, VerificationTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>True once the agency has answered.</summary>
    public static bool IsAnswered(VerificationState state) => state is VerificationState.Answered or VerificationState.AnsweredLate;
}
