using System.Collections.Frozen;

namespace Relief.Cases.Transfers;

/// <summary>The transfer lifecycle as an explicit table; anything else is an invalid transition.</summary>
public static class TransferTransitions
{
    private static readonly FrozenDictionary<(TransferState, TransferTrigger), TransferState> Table =
        new Dictionary<(TransferState, TransferTrigger), TransferState>
        {
            [(TransferState.Open, TransferTrigger.Reply)] = TransferState.Answered,
            [(TransferState.Open, TransferTrigger.DeadlinePassed)] = TransferState.Overdue,
            [(TransferState.Overdue, TransferTrigger.Reply)] = TransferState.AnsweredLate,
        }.ToFrozenDictionary();

    /// <summary>The next state, or null when the trigger is not valid in <paramref name="from"/>.</summary>
    public static TransferState? Apply(TransferState from, TransferTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>True once the department has replied.</summary>
    public static bool IsClosed(TransferState state) => state is TransferState.Answered or TransferState.AnsweredLate;
}
