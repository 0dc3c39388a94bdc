using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Income;

/// <summary>Checks household property against the local limits (家庭财产状况认定).</summary>
public static class PropertyCheck
{
    /// <summary>Returns the reasons the property is over the limits (empty when within) and adds the checks to the explanation.</summary>
    public static IReadOnlyList<string> Check(Household household, int members, decimal standard, PolicyParameters policy, ExplanationBuilder explanation)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(explanation);
        PropertyLimits limits = policy.Dibao.PropertyLimits;
        PropertyHoldings property = household.Property;
        var reasons = new List<string>();

        decimal perCapitaAssets = MoneyRounding.ToFen(property.FinancialAssets / Math.Max(1, members));
        decimal assetLimit = MoneyRounding.ToFen(limits.FinancialAssetsPerCapitaMonths * standard);
        explanation.Note("property.financial-assets", "Deposits and securities per member must not exceed the limit (months of the standard) (金融资产)", perCapitaAssets,
            ("financialAssets", property.FinancialAssets), ("members", members), ("months", limits.FinancialAssetsPerCapitaMonths), ("standard", standard), ("limitPerMember", assetLimit));
        if (perCapitaAssets > assetLimit)
        {
            reasons.Add($"Financial assets per member {perCapitaAssets:0.00} exceed the limit {assetLimit:0.00}.");
        }

        explanation.Note("property.vehicles", "Motor vehicles must not exceed the limit (机动车辆)", property.Vehicles, ("vehicles", property.Vehicles), ("maxVehicles", limits.MaxVehicles));
        if (property.Vehicles > limits.MaxVehicles)
        {
            reasons.Add($"The household owns {property.Vehicles} vehicle(s); at most {limits.MaxVehicles} allowed.");
        }

        explanation.Note("property.dwellings", "Dwellings must not exceed the limit (房产)", property.Dwellings, ("dwellings", property.Dwellings), ("maxDwellings", limits.MaxDwellings));
        if (property.Dwellings > limits.MaxDwellings)
        {
            reasons.Add($"The household owns {property.Dwellings} dwelling(s); at most {limits.MaxDwellings} allowed.");
        }

        return reasons;
    }
}
