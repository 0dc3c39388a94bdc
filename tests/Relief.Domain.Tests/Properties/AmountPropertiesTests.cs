using FsCheck;
using FsCheck.Xunit;
using Relief.Domain.Decisions;
using Relief.Domain.Dibao;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Tekun;
using Relief.Domain.Temporary;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Properties;

/// <summary>
/// Property-based tests (FsCheck) over every decision and the shipped policies. FsCheck supplies
/// an unsized seed; the household comes from it, so a reported counterexample is reproducible.
/// </summary>
public class AmountPropertiesTests
{
    private static readonly DibaoDecisionService Dibao = new(ShippedData.Catalog);
    private static readonly TekunDecisionService Tekun = new(ShippedData.Catalog);
    private static readonly TemporaryAssistanceService Temporary = new(ShippedData.Catalog);

    private static IEnumerable<DecisionResult> AllDecisions(int seed)
    {
        var random = new Random(seed);
        (string code, DateOnly date) = HouseholdGenerator.Jurisdiction(random);
        HouseholdBuilder b = HouseholdGenerator.Build(random, code, maxIncomePerItem: random.Next(2) == 0 ? 900 : 4000, maxDeposits: 20000);
        Household household = b.Build();
        string someone = b.IdOf(random.Next(household.Members.Count));
        yield return Dibao.Decide(household, date);
        yield return DibaoRules.Decide(household with { Jurisdiction = JurisdictionCode.Parse("testville") }, TestPolicies.Tiered(), date);
        yield return Dibao.DecideSinglePerson(household, someone, date);
        yield return Dibao.DecideMarginal(household, date);
        yield return Tekun.Decide(household, someone, random.Next(2) == 0 ? Placement.Institutional : Placement.Dispersed, date);
        int months = 1 + random.Next(12);
        yield return Temporary.Decide(
            new TemporaryAssistanceRequest
            {
                Household = household,
                Type = TemporaryAssistanceType.Expenditure,
                MonthsOfNeed = months,
                ProposedMonthlyAmount = random.Next(2) == 0 ? null : HouseholdGenerator.Fen(random, 3000),
                CaseByCaseAmount = random.Next(2) == 0 ? HouseholdGenerator.Fen(random, 40000) : null,
                AlreadyReceivedThisYear = HouseholdGenerator.Fen(random, 35000),
                Instalments = 1 + random.Next(6),
            },
            date);
        yield return Dibao.EvaluateGradualExit(household, HouseholdGenerator.Fen(random, 3000), date, date.AddMonths(random.Next(10)));
    }

    /// <summary>DOMAIN.md § Rules made precise, "Missing configuration is an outcome, not a crash" (issue 16 § 2): every jurisdiction (shipped or not) × every program × any date from 2015 to 2030 —
    /// before, between and after the shipped versions — gives an outcome, never an exception.</summary>
    [Property(MaxTest = 400)]
    public bool AnyDecision_AnyJurisdictionProgramAndDate_NeverThrows(DoNotSize<int> seed)
    {
        var random = new Random(seed.Item);
        string[] codes = [.. HouseholdGenerator.Jurisdictions.Select(j => j.Code), "nowhere", "qingdao/unknown-area"];
        string code = codes[random.Next(codes.Length)];
        DateOnly date = new DateOnly(2015, 1, 1).AddDays(random.Next(16 * 365));
        HouseholdBuilder b = HouseholdGenerator.Build(random, code, maxIncomePerItem: 4000, maxDeposits: 20000);
        Household household = b.Build();
        string someone = b.IdOf(random.Next(household.Members.Count));
        var decisions = new List<DecisionResult>
        {
            Dibao.Decide(household, date),
            Dibao.DecideSinglePerson(household, someone, date),
            Dibao.DecideMarginal(household, date),
            Dibao.EvaluateGradualExit(household, HouseholdGenerator.Fen(random, 3000), date, date.AddMonths(random.Next(10))),
            Tekun.Decide(household, someone, Placement.Dispersed, date),
        };
        foreach (var type in new[] { TemporaryAssistanceType.Emergency, TemporaryAssistanceType.Expenditure })
        {
            decisions.Add(Temporary.Decide(new TemporaryAssistanceRequest
            {
                Household = household,
                Type = type,
                MonthsOfNeed = 1 + random.Next(12),
                EmergencyPlace = random.Next(2) == 0 ? JurisdictionCode.Parse(codes[random.Next(codes.Length)]) : null,
            }, date));
        }

        _ = Dibao.ScheduleReview(household, date);
        if (ShippedData.Catalog.Find(household.Jurisdiction, date) is { Found: true } lookup) _ = Relief.Domain.Reviews.ReviewCadence.ForTekun(lookup.Policy, date);
        return decisions.All(d => Enum.IsDefined(d.Outcome) && d.Amount >= 0m);
    }

    [Property(MaxTest = 300)]
    public bool AnyDecision_RandomHousehold_AmountNeverNegative(DoNotSize<int> seed)
    {
        return AllDecisions(seed.Item).All(d => d.Amount >= 0m);
    }

    [Property(MaxTest = 300)]
    public bool AnyDecision_RandomHousehold_ExplanationContributionsAddUpToAmount(DoNotSize<int> seed)
    {
        return AllDecisions(seed.Item).All(d => d.Explanation.TotalContribution == d.Amount);
    }

    [Property(MaxTest = 500)]
    public bool DibaoDecide_IncomeRises_AmountNeverRises(DoNotSize<int> seed, bool tiers)
    {
        var random = new Random(seed.Item);
        (string code, DateOnly date) = HouseholdGenerator.Jurisdiction(random);
        HouseholdBuilder b = HouseholdGenerator.Build(random, tiers ? "testville" : code, maxIncomePerItem: 900, maxDeposits: 8000);
        Household before = b.Build();
        decimal extra = random.Next(2) == 0 ? HouseholdGenerator.Fen(random, 20) : HouseholdGenerator.Fen(random, 2000);
        Household after = b.IncomeOf(random.Next(before.Members.Count), HouseholdGenerator.Kind(random), extra).Build();
        PolicyParameters policy = tiers ? TestPolicies.Tiered() : ShippedData.Policy(code, date);

        return DibaoRules.Decide(after, policy, date).Amount <= DibaoRules.Decide(before, policy, date).Amount;
    }

    [Fact]
    public void Generators_ForTheProperties_ProduceManyEligibleCases()
    {
        // Guards the properties above against passing vacuously on all-ineligible households.
        int dibao = 0;
        int nonZero = 0;
        for (int seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            (string code, DateOnly date) = HouseholdGenerator.Jurisdiction(random);
            Household household = HouseholdGenerator.Build(random, code, maxIncomePerItem: 900, maxDeposits: 8000).Build();
            dibao += DibaoRules.Decide(household, ShippedData.Policy(code, date), date).IsEligible ? 1 : 0;
            nonZero += AllDecisions(seed).Count(d => d.Amount > 0m) > 1 ? 1 : 0;
        }

        Assert.InRange(dibao, 100, 300);
        Assert.InRange(nonZero, 100, 300);
    }
}
