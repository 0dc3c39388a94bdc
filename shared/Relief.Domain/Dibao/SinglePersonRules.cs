using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Households;
using Relief.Domain.Income;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Dibao;

/// <summary>
/// Single-person inclusion (单人保, 57号 Art. 8; seed 000 Liyang, seed 002 Qiaoxi): in a household that is not
/// eligible as a whole but whose per-capita income is below the policy's multiple of the standard
/// and whose property qualifies, a member meeting the local condition (<see cref="SinglePersonCondition"/>:
/// Liyang — grade 1–2 disability, grade 3 intellectual or mental disability, or a major illness already
/// receiving medical assistance; Qiaoxi — severely disabled or seriously ill with the ability to work fully
/// or partly lost) is enrolled alone. The
/// amount is the standard minus the person's own counted income, but at least the policy's
/// minimum share of the standard (Liyang: 100%).
/// </summary>
public static class SinglePersonRules
{
    /// <summary>Decides for one member of a household.</summary>
    public static DibaoDecision Decide(Household household, string memberId, PolicyParameters policy, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(policy);
        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, date, "minimumWage", "dibao");
        HouseholdMember? member = household.CountedMembers.FirstOrDefault(m => m.Id.Value == memberId);
        if (member is null)
        {
            return DibaoRules.Refuse(e, 0m, null, "The person is not a counted member of the household.");
        }

        IncomeAssessment income = IncomeAssessor.Assess(household, policy);
        e.AddRange(income.Steps);
        decimal standard = policy.Dibao.StandardFor(household.Registration);
        SinglePersonRule rule = policy.Dibao.SinglePerson;
        decimal threshold = MoneyRounding.ToFen(rule.IncomeThresholdMultiple * standard);
        e.Note("dibao.standard", $"Dibao standard for {household.Registration} registration (低保标准): {policy.Dibao.StandardBasis}", standard, ("standard", standard));

        var reasons = new List<string>(PropertyCheck.Check(household, income.Members, standard, policy, e));
        if (income.PerCapitaMonthlyIncome < standard)
        {
            reasons.Add("The household is eligible for dibao as a whole; apply for the household instead of single-person inclusion.");
        }

        e.Note("single-person.income-threshold", "Household per-capita income must be below the multiple of the standard (单人保收入条件)", threshold,
            ("perCapitaIncome", income.PerCapitaMonthlyIncome), ("multiple", rule.IncomeThresholdMultiple), ("standard", standard), ("threshold", threshold));
        if (income.PerCapitaMonthlyIncome >= threshold)
        {
            reasons.Add($"Per-capita monthly income {income.PerCapitaMonthlyIncome:0.00} is not below {rule.IncomeThresholdMultiple:0.##} × the standard ({threshold:0.00}).");
        }

        bool severeDisability = member.Disability?.IsSevereForSinglePersonInclusion == true;
        if (rule.Condition == SinglePersonCondition.SevereDisabilityOrIllnessWithLostWorkAbility)
        {
            // Qiaoxi (seed 002): severely disabled or seriously ill, and the ability to work fully or partly lost.
            bool lostWork = member.WorkAbility != WorkAbility.Able;
            e.Note("single-person.condition", "The person is severely disabled or seriously ill and has fully or partly lost the ability to work (重度残疾人、重病患者，完全或部分丧失劳动能力)", null,
                ("disability", member.Disability is { } dq ? $"{dq.Type} grade {dq.Grade}" : "none"), ("majorIllness", member.HasMajorIllness), ("workAbility", member.WorkAbility));
            if (!(severeDisability || member.HasMajorIllness) || !lostWork)
            {
                reasons.Add("The person is not severely disabled or seriously ill with the ability to work fully or partly lost.");
            }
        }
        else
        {
            bool illness = member.HasMajorIllness && member.ReceivesMedicalAssistance;
            e.Note("single-person.condition", "The person has grade 1–2 disability, grade 3 intellectual/mental disability, or a major illness with medical assistance (重度残疾或重病)", null,
                ("disability", member.Disability is { } d ? $"{d.Type} grade {d.Grade}" : "none"), ("majorIllness", member.HasMajorIllness), ("medicalAssistance", member.ReceivesMedicalAssistance));
            if (!severeDisability && !illness)
            {
                reasons.Add("The person has neither a qualifying disability nor a major illness with medical assistance.");
            }
        }

        if (reasons.Count > 0)
        {
            return DibaoRules.Refuse(e, standard, income, reasons.ToArray());
        }

        decimal own = IncomeAssessor.CountedIncomeOf(household, member, policy);
        decimal difference = MoneyRounding.ToFenNotNegative(standard - own);
        e.Add("single-person.difference", "Amount as a one-person household = standard − the person's own counted income", difference, difference,
            ("standard", standard), ("ownIncome", own));
        decimal floor = MoneyRounding.ToFen(rule.MinimumShareOfStandard * standard);
        decimal amount = difference;
        if (floor > difference)
        {
            amount = floor;
            e.Add("single-person.minimum-share", "Raised to the minimum share of the standard (不低于低保标准的比例)", floor, floor - difference,
                ("minimumShare", rule.MinimumShareOfStandard), ("standard", standard), ("floor", floor));
        }

        return DibaoRules.Grant(e, standard, income, amount, null, date);
    }
}
