namespace Relief.Domain.Households;

/// <summary>
/// The six daily activities assessed for tekun care (生活自理能力评估, 43号 Art. 21–22): whether the
/// person can eat, dress, get out of bed, use the toilet, walk indoors and bathe unaided.
/// </summary>
public sealed record DailyActivities(bool CanEat, bool CanDress, bool CanTransferFromBed, bool CanUseToilet, bool CanWalkIndoors, bool CanBathe)
{
    /// <summary>Someone who can do all six.</summary>
    public static DailyActivities AllPossible { get; } = new(true, true, true, true, true, true);

    /// <summary>Number of the six activities the person cannot do.</summary>
    public int ImpossibleCount =>
        new[] { CanEat, CanDress, CanTransferFromBed, CanUseToilet, CanWalkIndoors, CanBathe }.Count(can => !can);
}
