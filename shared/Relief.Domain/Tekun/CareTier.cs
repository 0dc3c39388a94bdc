using Relief.Domain.Households;

namespace Relief.Domain.Tekun;

/// <summary>Care tier of a tekun person (照料护理档次, 43号 Art. 21–22).</summary>
public enum CareTier
{
    /// <summary>Can do all six daily activities (全自理).</summary>
    SelfCare,

    /// <summary>Cannot do 1–3 of them (半护理 / 部分丧失生活自理能力).</summary>
    PartialCare,

    /// <summary>Cannot do 4 or more (全护理 / 完全丧失生活自理能力).</summary>
    FullCare,
}

/// <summary>Where a tekun person is supported (供养方式).</summary>
public enum Placement
{
    /// <summary>At home (分散供养).</summary>
    Dispersed,

    /// <summary>In an institution (集中供养).</summary>
    Institutional,
}

/// <summary>Derives the care tier from the six daily activities.</summary>
public static class CareTierAssessment
{
    /// <summary>All possible → self-care; up to 3 impossible → partial; 4 or more impossible → full care.</summary>
    public static CareTier From(DailyActivities activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return activities.ImpossibleCount switch
        {
            0 => CareTier.SelfCare,
            <= 3 => CareTier.PartialCare,
            _ => CareTier.FullCare,
        };
    }
}
