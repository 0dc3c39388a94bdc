using Relief.Domain.Households;

namespace Relief.Domain.Policies;

/// <summary>
/// A rule set by national text (全国性规定) that applies in every jurisdiction on top of its local figures, from
/// its own effective date, whatever an older local file says.
/// </summary>
/// <param name="Id">Stable code, e.g. <c>income.resident-basic-pension</c>.</param>
/// <param name="Document">The text it comes from, e.g. 民发〔2021〕57号.</param>
/// <param name="Statement">What it says, in words a family can read (English with the Chinese term).</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="StatedUntil">Last day of the period the text states for itself, or null when open-ended.</param>
/// <param name="IncomeNotCounted">An income kind the rule takes out of household income, if that is what it does.</param>
public sealed record NationalRule(string Id, string Document, string Statement, DateOnly EffectiveFrom, DateOnly? StatedUntil, IncomeKind? IncomeNotCounted);

/// <summary>A national rule as applied on a date.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="BeyondStatedPeriod">
/// True when the date lies after the period the text states and no later text is loaded: the rule is applied as
/// last known, and every explanation says so (an assumption, never a silent guess).
/// </param>
public sealed record NationalRuleInForce(NationalRule Rule, bool BeyondStatedPeriod);
