using Relief.Cases.Intake;

namespace Relief.Functions.Reviews;

/// <summary>The household as a review found it: the figures the findings give, over the current facts.</summary>
public static class ReviewHousehold
{
    /// <summary>
    /// The current facts with each part the findings give replaced (members, incomes, property, expenditures,
    /// registration, tekun); program, jurisdiction, contact, payee and consent stay as they are.
    /// </summary>
    public static ApplicationRequest Merge(ApplicationRequest current, ApplicationRequest? found)
    {
        ArgumentNullException.ThrowIfNull(current);
        return found is null ? current : current with
        {
            Members = found.Members ?? current.Members,
            Incomes = found.Incomes ?? current.Incomes,
            Property = found.Property ?? current.Property,
            Expenditures = found.Expenditures ?? current.Expenditures,
            Registration = found.Registration ?? current.Registration,
            Tekun = found.Tekun ?? current.Tekun,
        };
    }
}
