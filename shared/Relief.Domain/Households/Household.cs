namespace Relief.Domain.Households;

/// <summary>An applying or receiving household (申请家庭): where it is registered, who belongs to it, what it earns, owns and must spend.</summary>
public sealed record Household
{
    /// <summary>Jurisdiction and area of registration.</summary>
    public required JurisdictionCode Jurisdiction { get; init; }

    /// <summary>Urban or rural registration.</summary>
    public required Registration Registration { get; init; }

    /// <summary>Registered persons; only <see cref="HouseholdMember.IsCounted"/> ones are members.</summary>
    public required IReadOnlyList<HouseholdMember> Members { get; init; }

    /// <summary>Monthly incomes.</summary>
    public IReadOnlyList<IncomeItem> Incomes { get; init; } = [];

    /// <summary>Property.</summary>
    public PropertyHoldings Property { get; init; } = PropertyHoldings.None;

    /// <summary>Rigid monthly expenditures.</summary>
    public IReadOnlyList<RigidExpenditure> RigidExpenditures { get; init; } = [];

    /// <summary>Counted members.</summary>
    public IReadOnlyList<HouseholdMember> CountedMembers => Members.Where(m => m.IsCounted).ToArray();
}
