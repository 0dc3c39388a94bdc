namespace Relief.Cases.Payments;

/// <summary>Where the money for a payment instruction comes from.</summary>
public enum FundSource
{
    /// <summary>The regular assistance budget, paid through the bank payroll.</summary>
    Regular,

    /// <summary>The township reserve fund (乡镇备用金) for small-amount fast relief (小额快救).</summary>
    TownshipReserveFund,
}
