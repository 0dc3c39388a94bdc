using Relief.Domain.Households;
using Relief.Domain.Policies;

namespace Relief.Domain.Reviews;

/// <summary>Which review cadence applies (核查周期).</summary>
public enum ReviewFrequency
{
    /// <summary>Yearly (每年核查).</summary>
    Yearly,

    /// <summary>Half-yearly (每半年核查).</summary>
    HalfYearly,
}

/// <summary>The review schedule for a household.</summary>
/// <param name="Frequency">Yearly or half-yearly.</param>
/// <param name="Months">Months between reviews, from the policy.</param>
/// <param name="NextReview">Date of the next review.</param>
/// <param name="Reason">Why this cadence applies.</param>
public sealed record ReviewSchedule(ReviewFrequency Frequency, int Months, DateOnly NextReview, string Reason);

/// <summary>
/// Dynamic review cadence (动态管理, 57号 Art. 31; seed 002): half-yearly for dibao households with
/// irregular income and a member able to work, yearly otherwise; tekun persons yearly.
/// </summary>
public static class ReviewCadence
{
    /// <summary>Schedule for a dibao household after a review on <paramref name="lastReview"/>.</summary>
    public static ReviewSchedule ForDibao(Household household, PolicyParameters policy, DateOnly lastReview)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        var counted = household.CountedMembers.Select(m => m.Id.Value).ToHashSet(StringComparer.Ordinal);
        bool irregular = household.Incomes.Any(i => !i.Regular && (i.MemberId is null || counted.Contains(i.MemberId)));
        bool ableToWork = household.CountedMembers.Any(m => m.WorkAbility == WorkAbility.Able);
        if (irregular && ableToWork)
        {
            int months = policy.Dibao.ReviewMonthsIrregular;
            return new ReviewSchedule(ReviewFrequency.HalfYearly, months, lastReview.AddMonths(months), "Irregular income and a member able to work (收入来源不固定、有劳动能力).");
        }

        int stable = policy.Dibao.ReviewMonthsStable;
        return new ReviewSchedule(ReviewFrequency.Yearly, stable, lastReview.AddMonths(stable), "Finances change little (短期内经济状况变化不大).");
    }

    /// <summary>Months between tekun reviews where the policy sets none: the national yearly review (民发〔2021〕43号).</summary>
    public const int NationalTekunReviewMonths = 12;

    /// <summary>Schedule for a tekun person (yearly). A policy without tekun parameters gets the national yearly
    /// review, said so in the reason — a missing local figure is never an exception.</summary>
    public static ReviewSchedule ForTekun(PolicyParameters policy, DateOnly lastReview)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Tekun is not { } tekun)
        {
            return new ReviewSchedule(ReviewFrequency.Yearly, NationalTekunReviewMonths, lastReview.AddMonths(NationalTekunReviewMonths),
                $"Tekun persons are reviewed yearly (特困人员每年核查); {policy.Jurisdiction} sets no tekun parameters, so the national yearly review applies.");
        }

        return new ReviewSchedule(ReviewFrequency.Yearly, tekun.ReviewMonths, lastReview.AddMonths(tekun.ReviewMonths), "Tekun persons are reviewed yearly (特困人员每年核查).");
    }
}
