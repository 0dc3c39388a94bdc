using Relief.Domain.Households;

namespace Relief.Domain.Tests.Builders;

/// <summary>Test-data builder for households: members get valid IDs from their birth dates.</summary>
internal sealed class HouseholdBuilder
{
    private readonly List<HouseholdMember> _members = [];
    private readonly List<IncomeItem> _incomes = [];
    private readonly List<RigidExpenditure> _rigid = [];
    private JurisdictionCode _jurisdiction = JurisdictionCode.Parse("qingdao/shinan");
    private Registration _registration = Registration.Urban;
    private PropertyHoldings _property = PropertyHoldings.None;

    public static HouseholdBuilder In(string jurisdiction) => new HouseholdBuilder().At(jurisdiction);

    public HouseholdBuilder At(string jurisdiction)
    {
        _jurisdiction = JurisdictionCode.Parse(jurisdiction);
        return this;
    }

    public HouseholdBuilder Urban() => With(Registration.Urban);

    public HouseholdBuilder Rural() => With(Registration.Rural);

    public HouseholdBuilder With(Registration registration)
    {
        _registration = registration;
        return this;
    }

    /// <summary>Adds a member; <paramref name="configure"/> may change anything but the ID.</summary>
    public HouseholdBuilder Member(DateOnly birthDate, Func<HouseholdMember, HouseholdMember>? configure = null)
    {
        var validated = ResidentIdNumber.Parse(TestIds.For(birthDate, _members.Count + 1));
        Assert.True(validated.IsValid);
        var member = new HouseholdMember
        {
            Id = validated.Value!,
            Relationship = _members.Count == 0 ? Relationship.Applicant : Relationship.OtherDependant,
        };
        _members.Add(configure is null ? member : configure(member));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> adults born in 1980.</summary>
    public HouseholdBuilder Adults(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Member(new DateOnly(1980, 1 + (i % 12), 1 + i));
        }

        return this;
    }

    /// <summary>Adds a household-level income.</summary>
    public HouseholdBuilder Income(IncomeKind kind, decimal monthly, bool regular = true)
    {
        _incomes.Add(new IncomeItem(kind, monthly, null, regular));
        return this;
    }

    /// <summary>Adds an income of the member at <paramref name="memberIndex"/>.</summary>
    public HouseholdBuilder IncomeOf(int memberIndex, IncomeKind kind, decimal monthly, bool regular = true)
    {
        _incomes.Add(new IncomeItem(kind, monthly, _members[memberIndex].Id.Value, regular));
        return this;
    }

    public HouseholdBuilder Rigid(RigidExpenditureKind kind, decimal monthly)
    {
        _rigid.Add(new RigidExpenditure(kind, monthly));
        return this;
    }

    public HouseholdBuilder Property(PropertyHoldings property)
    {
        _property = property;
        return this;
    }

    public string IdOf(int memberIndex) => _members[memberIndex].Id.Value;

    public Household Build() => new()
    {
        Jurisdiction = _jurisdiction,
        Registration = _registration,
        Members = _members.ToArray(),
        Incomes = _incomes.ToArray(),
        Property = _property,
        RigidExpenditures = _rigid.ToArray(),
    };
}
