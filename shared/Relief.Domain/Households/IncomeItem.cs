namespace Relief.Domain.Households;

/// <summary>Kinds of income (收入类别, 社会救助暂行办法 Art. 13 and 57号 Art. 13).</summary>
public enum IncomeKind
{
    /// <summary>Wages and salaries (工资性收入) — employment income.</summary>
    Wages,

    /// <summary>Net business income (经营净收入).</summary>
    Business,

    /// <summary>Net property income (财产净收入).</summary>
    Property,

    /// <summary>Net transfer income (转移净收入).</summary>
    Transfer,

    /// <summary>Honours and awards (优待抚恤金、奖励金) — not counted where the policy says so.</summary>
    HonoursAndAwards,

    /// <summary>Scholarships and study grants (奖学金、助学金).</summary>
    Scholarship,

    /// <summary>Social-assistance payments (社会救助金).</summary>
    SocialAssistance,

    /// <summary>Basic pension of the urban-rural residents' scheme (城乡居民基本养老保险基础养老金).</summary>
    ResidentBasicPension,

    /// <summary>An item the jurisdiction excludes (地方规定不计入的收入).</summary>
    LocallyExcluded,
}

/// <summary>A monthly income of a member (or of the household when <see cref="MemberId"/> is null).</summary>
/// <param name="Kind">Income kind.</param>
/// <param name="MonthlyAmount">Average monthly amount in yuan, not negative.</param>
/// <param name="MemberId">Resident ID value of the earner; null for household income.</param>
/// <param name="Regular">False for irregular income (收入来源不固定), which shortens the review cadence.</param>
public sealed record IncomeItem(IncomeKind Kind, decimal MonthlyAmount, string? MemberId = null, bool Regular = true);
