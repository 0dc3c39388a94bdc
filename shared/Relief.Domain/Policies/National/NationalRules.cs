using Relief.Domain.Households;

namespace Relief.Domain.Policies;

/// <summary>
/// The national rules Relief layers over every local policy file, each with its own dates (../DOMAIN.md § Rules
/// made precise). A decision on date D applies those in force on D together with the local figures in force on D.
/// </summary>
public static class NationalRules
{
    /// <summary>
    /// 民发〔2021〕57号 (最低生活保障审核确认办法, in force 2021-07-01): during the 14th five-year plan (2021–2025) the
    /// centrally set basic pension of the urban-rural residents' scheme (城乡居民基本养老保险基础养老金) is not counted
    /// as household income. The text for the years after 2025 is not loaded here: the rule is applied as last known,
    /// and explanations say so.
    /// </summary>
    public static NationalRule ResidentBasicPensionNotCounted { get; } = new(
        "income.resident-basic-pension",
        "民发〔2021〕57号",
        "The basic pension of the urban-rural residents' scheme (城乡居民基本养老保险基础养老金) is not counted as household income during the 14th five-year plan (2021–2025)",
        new DateOnly(2021, 7, 1),
        new DateOnly(2025, 12, 31),
        IncomeKind.ResidentBasicPension);

    /// <summary>Every national rule known, oldest first.</summary>
    public static IReadOnlyList<NationalRule> All { get; } = [ResidentBasicPensionNotCounted];

    /// <summary>The rules in force on <paramref name="date"/>, each marked when the date is past its stated period.</summary>
    public static IReadOnlyList<NationalRuleInForce> InForceOn(DateOnly date) =>
        All.Where(r => r.EffectiveFrom <= date)
            .Select(r => new NationalRuleInForce(r, r.StatedUntil is { } until && date > until))
            .ToArray();
}
