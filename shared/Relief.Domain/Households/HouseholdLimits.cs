namespace Relief.Domain.Households;

/// <summary>
/// The largest values the policy engine accepts (issue 16 § 5). They are far beyond any real household that
/// could need assistance and far below where decimal arithmetic could overflow (members × items × amounts × 12),
/// so an absurd input (an income of 5e28 once passed intake and made every assessment throw) is refused at the
/// door with an error naming the field, instead of failing later.
/// </summary>
public static class HouseholdLimits
{
    /// <summary>Members of one household (共同生活的家庭成员): 30.</summary>
    public const int MaxMembers = 30;

    /// <summary>Income items and rigid-expenditure items, each: 200.</summary>
    public const int MaxItems = 200;

    /// <summary>One monthly income or expenditure: 10,000,000 yuan.</summary>
    public const decimal MaxMonthlyAmount = 10_000_000m;

    /// <summary>Deposits, and securities, each: 10,000,000,000 yuan.</summary>
    public const decimal MaxAssetValue = 10_000_000_000m;

    /// <summary>Vehicles, and dwellings, each: 1,000.</summary>
    public const int MaxPropertyCount = 1_000;
}
