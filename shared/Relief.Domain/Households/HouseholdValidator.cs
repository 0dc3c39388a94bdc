using System.Globalization;
using Relief.Domain.Validation;

namespace Relief.Domain.Households;

/// <summary>
/// Checks a household's internal consistency before any decision (申请材料校验): at least one
/// member, no person twice, incomes belonging to registered persons, no negative amounts, nothing beyond
/// <see cref="HouseholdLimits"/>. Every
/// error names its field (e.g. <c>incomes[2].memberId</c>) so a portal can show it beside the input.
/// </summary>
public static class HouseholdValidator
{
    /// <summary>All problems found; empty when the household is consistent.</summary>
    public static IReadOnlyList<ValidationError> Validate(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var errors = new List<ValidationError>();
        if (household.Members.Count == 0)
        {
            errors.Add(new ValidationError("members", "members: a household has at least one member."));
        }

        AddIfMore(errors, "members", household.Members.Count, HouseholdLimits.MaxMembers, "members");
        AddIfMore(errors, "incomes", household.Incomes.Count, HouseholdLimits.MaxItems, "items");
        AddIfMore(errors, "rigidExpenditures", household.RigidExpenditures.Count, HouseholdLimits.MaxItems, "items");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < household.Members.Count; i++)
        {
            if (household.Members[i].ConsecutiveWorkRefusals is < 0 or > 100)
            {
                string refusals = Field("members", i, "consecutiveWorkRefusals");
                errors.Add(new ValidationError(refusals, $"{refusals}: must be between 0 and 100."));
            }

            if (!seen.Add(household.Members[i].Id.Value))
            {
                string field = Field("members", i, "residentId");
                errors.Add(new ValidationError(field, $"{field}: the same person is registered twice."));
            }
        }

        for (int i = 0; i < household.Incomes.Count; i++)
        {
            IncomeItem income = household.Incomes[i];
            if (income.MonthlyAmount < 0m)
            {
                string field = Field("incomes", i, "monthlyAmount");
                errors.Add(new ValidationError(field, $"{field}: an income may not be negative."));
            }

            AddIfAbove(errors, Field("incomes", i, "monthlyAmount"), income.MonthlyAmount, HouseholdLimits.MaxMonthlyAmount);

            if (income.MemberId is not null && !seen.Contains(income.MemberId))
            {
                string field = Field("incomes", i, "memberId");
                errors.Add(new ValidationError(field, $"{field}: the earner is not registered in the household."));
            }
        }

        for (int i = 0; i < household.RigidExpenditures.Count; i++)
        {
            if (household.RigidExpenditures[i].MonthlyAmount < 0m)
            {
                string field = Field("rigidExpenditures", i, "monthlyAmount");
                errors.Add(new ValidationError(field, $"{field}: an expenditure may not be negative."));
            }

            AddIfAbove(errors, Field("rigidExpenditures", i, "monthlyAmount"), household.RigidExpenditures[i].MonthlyAmount, HouseholdLimits.MaxMonthlyAmount);
        }

        PropertyHoldings p = household.Property;
        AddIfNegative(errors, "property.deposits", p.Deposits);
        AddIfNegative(errors, "property.securities", p.Securities);
        AddIfNegative(errors, "property.vehicles", p.Vehicles);
        AddIfNegative(errors, "property.dwellings", p.Dwellings);
        AddIfAbove(errors, "property.deposits", p.Deposits, HouseholdLimits.MaxAssetValue);
        AddIfAbove(errors, "property.securities", p.Securities, HouseholdLimits.MaxAssetValue);
        AddIfMore(errors, "property.vehicles", p.Vehicles, HouseholdLimits.MaxPropertyCount, "vehicles");
        AddIfMore(errors, "property.dwellings", p.Dwellings, HouseholdLimits.MaxPropertyCount, "dwellings");
        return errors;
    }

    private static void AddIfAbove(List<ValidationError> errors, string field, decimal value, decimal limit)
    {
        if (value > limit)
        {
            errors.Add(new ValidationError(field, string.Create(CultureInfo.InvariantCulture, $"{field}: may not exceed {limit:#,0} yuan.")));
        }
    }

    private static void AddIfMore(List<ValidationError> errors, string field, int count, int limit, string what)
    {
        if (count > limit)
        {
            errors.Add(new ValidationError(field, string.Create(CultureInfo.InvariantCulture, $"{field}: at most {limit} {what} (was {count}).")));
        }
    }

    private static void AddIfNegative(List<ValidationError> errors, string field, decimal value)
    {
        if (value < 0m)
        {
            errors.Add(new ValidationError(field, $"{field}: may not be negative."));
        }
    }

    private static string Field(string list, int index, string name) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{name}");
}
