using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Income;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Tekun;

/// <summary>
/// Tekun eligibility and amount (特困人员救助供养, 民发〔2021〕43号; seed 004): no ability to work
/// (elderly, minor, or qualifying disability), no source of living (own income below the dibao
/// standard, property within limits), no supporter able to support. Amount = basic living
/// (multiple of the dibao standard) + care by tier (share of the minimum wage); institutional
/// support is a multiple of that dispersed amount.
/// </summary>
public static class TekunRules
{
    /// <summary>Decides for one member.</summary>
    public static TekunDecision Decide(Household household, string memberId, Placement placement, PolicyParameters policy, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, date, "minimumWage", "dibao", "tekun");
        TekunParameters? tekun = policy.Tekun;
        TekunCriteria criteria = policy.TekunCriteria;
        if (tekun is null)
        {
            e.Note("tekun.not-configured", criteria.Local
                ? $"The policy of {policy.Jurisdiction} sets no tekun amounts: eligibility is decided on its own ages (elderly from {criteria.ElderlyAge}, minors under {criteria.MinorAgeLimit}), the amount is not configured"
                : $"The policy of {policy.Jurisdiction} sets no tekun amounts: eligibility is decided on the national criteria (民发〔2021〕43号: elderly from {criteria.ElderlyAge}, minors under {criteria.MinorAgeLimit}), the amount is not configured");
        }

        int elderlyAge = criteria.ElderlyAge;
        int minorAgeLimit = criteria.MinorAgeLimit;
        HouseholdMember? person = household.CountedMembers.FirstOrDefault(m => m.Id.Value == memberId);
        if (person is null)
        {
            return Refuse(e, placement, "The person is not a counted member of the household.");
        }

        var reasons = new List<string>();
        int age = person.AgeOn(date);
        bool elderly = age >= elderlyAge;
        bool minor = age < minorAgeLimit;
        bool studentBeyondLimit = !minor && person.InSchool && age < elderlyAge;
        bool disabled = person.Disability?.RemovesWorkAbilityForTekun == true;
        e.Note("tekun.no-work-ability", "No ability to work (无劳动能力): elderly, minor (to the age limit, beyond it while in school), or grade 1–3 intellectual/mental, 1–2 physical, 1 visual disability", null,
            ("age", age), ("elderlyAge", elderlyAge), ("minorAgeLimit", minorAgeLimit), ("inSchool", person.InSchool),
            ("disability", person.Disability is { } d ? $"{d.Type} grade {d.Grade}" : "none"));
        if (!elderly && !minor && !studentBeyondLimit && !disabled)
        {
            reasons.Add($"Age {age} and the person's disability status do not establish inability to work.");
        }

        decimal standard = policy.Dibao.StandardFor(household.Registration);
        decimal own = IncomeAssessor.CountedIncomeOf(household, person, policy);
        e.Note("tekun.no-source-of-living", "Own counted income must be below the dibao standard (无生活来源)", own, ("ownIncome", own), ("standard", standard));
        if (own >= standard)
        {
            reasons.Add($"Own monthly income {own:0.00} is not below the dibao standard {standard:0.00}.");
        }

        reasons.AddRange(PropertyCheck.Check(household, household.CountedMembers.Count, standard, policy, e));
        e.Note("tekun.no-able-supporter", "No legal supporter able to support (无履行义务能力的法定义务人)", null, ("hasAbleSupporter", person.HasAbleLegalSupporter));
        if (person.HasAbleLegalSupporter)
        {
            reasons.Add("A legal supporter is able to support the person.");
        }

        if (person.DailyActivities is null)
        {
            reasons.Add("The six-daily-activity assessment is missing; the care tier cannot be set.");
        }

        if (reasons.Count > 0)
        {
            return Refuse(e, placement, reasons.ToArray());
        }

        if (tekun is null)
        {
            return new TekunDecision
            {
                Outcome = DecisionOutcome.NoRuleInForce,
                Amount = 0m,
                AmountKind = AmountKind.Monthly,
                Reasons = [$"Eligible for tekun on the national criteria; the amount is not configured for {policy.Jurisdiction} (parameter tekun: basicMultipleOfDibaoStandard and the care shares of the minimum wage)."],
                Explanation = e.Build(),
                CareTier = CareTierAssessment.From(person.DailyActivities!),
                Placement = placement,
                EligibleOnNationalCriteria = true,
            };
        }

        CareTier tier = CareTierAssessment.From(person.DailyActivities!);
        decimal basic = MoneyRounding.ToFen(tekun.BasicMultipleOfDibaoStandard * standard);
        e.Add("tekun.basic", "Basic living = multiple × dibao standard (基本生活标准)", basic, basic, ("multiple", tekun.BasicMultipleOfDibaoStandard), ("standard", standard));
        decimal careShare = tier switch
        {
            CareTier.SelfCare => tekun.SelfCareShareOfMinimumWage,
            CareTier.PartialCare => tekun.PartialCareShareOfMinimumWage,
            _ => tekun.FullCareShareOfMinimumWage,
        };
        decimal care = MoneyRounding.ToFen(careShare * policy.MinimumWage);
        e.Add("tekun.care", $"Care = share × minimum wage for tier {tier} (照料护理标准); activities impossible: {person.DailyActivities!.ImpossibleCount} of 6", care, care,
            ("tier", tier), ("share", careShare), ("minimumWage", policy.MinimumWage));
        decimal dispersed = basic + care;
        decimal amount = dispersed;
        if (placement == Placement.Institutional)
        {
            amount = MoneyRounding.ToFen(tekun.InstitutionalMultiple * dispersed);
            e.Add("tekun.institutional", "Institutional support = multiple × the dispersed amount (集中供养)", amount, amount - dispersed,
                ("multiple", tekun.InstitutionalMultiple), ("dispersed", dispersed));
        }

        return new TekunDecision
        {
            Outcome = DecisionOutcome.Eligible,
            Amount = amount,
            AmountKind = AmountKind.Monthly,
            Reasons = [],
            Explanation = e.Build(),
            CareTier = tier,
            Placement = placement,
            BasicAmount = basic,
            CareAmount = care,
        };
    }

    private static TekunDecision Refuse(ExplanationBuilder e, Placement placement, params string[] reasons) => new()
    {
        Outcome = DecisionOutcome.Ineligible,
        Amount = 0m,
        AmountKind = AmountKind.Monthly,
        Reasons = reasons,
        Explanation = e.Build(),
        Placement = placement,
    };
}
