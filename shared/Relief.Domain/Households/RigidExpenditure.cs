namespace Relief.Domain.Households;

/// <summary>An unavoidable monthly expenditure (刚性支出) of the household.</summary>
/// <param name="Kind">Medical, education or disability.</param>
/// <param name="MonthlyAmount">Average monthly amount in yuan, not negative.</param>
public sealed record RigidExpenditure(RigidExpenditureKind Kind, decimal MonthlyAmount);
