namespace Relief.Domain.Households;

/// <summary>Household property (家庭财产) checked against the local limits.</summary>
/// <param name="Deposits">Bank deposits in yuan (存款).</param>
/// <param name="Securities">Securities and other financial assets in yuan (有价证券).</param>
/// <param name="Vehicles">Motor vehicles owned, excluding disability vehicles (机动车辆).</param>
/// <param name="Dwellings">Dwellings owned (房产套数).</param>
public sealed record PropertyHoldings(decimal Deposits, decimal Securities, int Vehicles, int Dwellings)
{
    /// <summary>No property at all.</summary>
    public static PropertyHoldings None { get; } = new(0m, 0m, 0, 0);

    /// <summary>Deposits plus securities.</summary>
    public decimal FinancialAssets => Deposits + Securities;
}
