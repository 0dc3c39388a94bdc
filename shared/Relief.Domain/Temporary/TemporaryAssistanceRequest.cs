using Relief.Domain.Households;

namespace Relief.Domain.Temporary;

/// <summary>Type of temporary assistance (临时救助类型).</summary>
public enum TemporaryAssistanceType
{
    /// <summary>Emergency (急难型): fire, accident, sudden illness — immediate, no economic verification, advance relief.</summary>
    Emergency,

    /// <summary>Expenditure (支出型): sudden rigid spending — normal procedure, one approval, instalments allowed.</summary>
    Expenditure,
}

/// <summary>A request for temporary assistance (临时救助申请).</summary>
public sealed record TemporaryAssistanceRequest
{
    /// <summary>The household.</summary>
    public required Household Household { get; init; }

    /// <summary>Emergency or expenditure type.</summary>
    public required TemporaryAssistanceType Type { get; init; }

    /// <summary>Months of need the grant covers (at least 1).</summary>
    public required int MonthsOfNeed { get; init; }

    /// <summary>Monthly level proposed by the case worker; null = the monthly dibao standard. Kept within the band.</summary>
    public decimal? ProposedMonthlyAmount { get; init; }

    /// <summary>A case-by-case total (一事一议) above the band for major hardship; flagged for higher approval.</summary>
    public decimal? CaseByCaseAmount { get; init; }

    /// <summary>Temporary assistance the household already received this calendar year (本年度已获临时救助).</summary>
    public decimal AlreadyReceivedThisYear { get; init; }

    /// <summary>Number of monthly instalments (分期救助), expenditure type only; 1 = paid at once.</summary>
    public int Instalments { get; init; } = 1;

    /// <summary>Emergency type: where the emergency happened (急难发生地). Emergency assistance is granted there,
    /// under that place's policy, whatever the household's hukou (seed 002; 民发〔2018〕23号 / 83号). Null = the
    /// household's own jurisdiction. Ignored for the expenditure type.</summary>
    public JurisdictionCode? EmergencyPlace { get; init; }

    /// <summary>The jurisdiction whose policy decides this request.</summary>
    public JurisdictionCode DecidingJurisdiction =>
        Type == TemporaryAssistanceType.Emergency && EmergencyPlace is { } place ? place : Household.Jurisdiction;
}
