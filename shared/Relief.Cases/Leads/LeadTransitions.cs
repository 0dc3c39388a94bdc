using System.Collections.Frozen;

namespace Relief.Cases.Leads;

/// <summary>
/// The lead lifecycle as an explicit table: open → assigned → visited → closed or converted. A lead may be closed
/// before the visit (e.g. the person has moved away: the reason says so), but converted only after a visit has
/// verified the need. Anything else is an invalid transition.
/// </summary>
public static class LeadTransitions
{
    private static readonly FrozenDictionary<(LeadState, LeadTrigger), LeadState> Table =
        new Dictionary<(LeadState, LeadTrigger), LeadState>
        {
            [(LeadState.Open, LeadTrigger.Assign)] = LeadState.Assigned,
            [(LeadState.Assigned, LeadTrigger.Assign)] = LeadState.Assigned,
            [(LeadState.Open, LeadTrigger.Visit)] = LeadState.Visited,
            [(LeadState.Assigned, LeadTrigger.Visit)] = LeadState.Visited,
            [(LeadState.Open, LeadTrigger.Close)] = LeadState.Closed,
            [(LeadState.Assigned, LeadTrigger.Close)] = LeadState.Closed,
            [(LeadState.Visited, LeadTrigger.Close)] = LeadState.Closed,
            [(LeadState.Visited, LeadTrigger.Convert)] = LeadState.Converted,
        }.ToFrozenDictionary();

    /// <summary>The next state, or null when <paramref name="trigger"/> is not allowed in <paramref name="from"/>.</summary>
    public static LeadState? Apply(LeadState from, LeadTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>True once the lead is closed or converted: it no longer holds the person's open-lead slot.</summary>
    public static bool IsEnded(LeadState state) => state is LeadState.Closed or LeadState.Converted;

    /// <summary>True while the visit is still owed (the visit deadline applies).</summary>
    public static bool AwaitsVisit(LeadState state) => state is LeadState.Open or LeadState.Assigned;
}
