namespace Relief.Domain.Policies;

/// <summary>How a jurisdiction computes the dibao amount (低保金计发方式, 57号 Art. 23).</summary>
public enum BenefitMode
{
    /// <summary>Difference (补差): (standard − per-capita income) × members.</summary>
    Difference,

    /// <summary>Tiers (分档): a share of the standard per member, by per-capita income band.</summary>
    Tiers,
}

/// <summary>What the employment-cost deduction is a share of (就业成本扣减基数, seed 002).</summary>
public enum DeductionBase
{
    /// <summary>A share of the member's employment income (就业收入).</summary>
    EmploymentIncome,

    /// <summary>A share of the local minimum wage (当地最低工资标准), never more than the wage itself.</summary>
    MinimumWage,
}
