using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Properties;

/// <summary>
/// Random households for property tests, driven by a seeded <see cref="Random"/> so that every
/// failing case is reproducible from the seed the property library reports.
/// </summary>
internal static class HouseholdGenerator
{
    public static readonly (string Code, DateOnly Date)[] Jurisdictions =
    [
        ("qingdao/shinan", new DateOnly(2024, 6, 1)),
        ("qingdao/laixi", new DateOnly(2024, 6, 1)),
        ("quanzhou-taishang", new DateOnly(2022, 6, 1)),
        ("shijiazhuang-qiaoxi", new DateOnly(2022, 6, 1)),
        ("liyang", new DateOnly(2020, 6, 1)),
    ];

    private static readonly IncomeKind[] Kinds = Enum.GetValues<IncomeKind>();

    public static (string Code, DateOnly Date) Jurisdiction(Random random) => Jurisdictions[random.Next(Jurisdictions.Length)];

    public static IncomeKind Kind(Random random) => Kinds[random.Next(Kinds.Length)];

    /// <summary>An amount in whole fen from 0 to <paramref name="maxYuan"/>.</summary>
    public static decimal Fen(Random random, int maxYuan) => random.Next((maxYuan * 100) + 1) / 100m;

    /// <summary>
    /// A household of 1–6 members with up to four incomes (any kind, of a member or of the
    /// household) and some property; smaller maxima give more eligible households.
    /// </summary>
    public static HouseholdBuilder Build(Random random, string jurisdiction, int maxIncomePerItem = 4000, int maxDeposits = 40000)
    {
        HouseholdBuilder b = HouseholdBuilder.In(jurisdiction).With(random.Next(2) == 0 ? Registration.Rural : Registration.Urban);
        int members = 1 + random.Next(6);
        for (int i = 0; i < members; i++)
        {
            b.Member(new DateOnly(1940 + random.Next(80), 1 + random.Next(12), 1 + random.Next(28)), m => m with
            {
                Disability = random.Next(4) == 0 ? new Disability((DisabilityType)random.Next(7), 1 + random.Next(4)) : null,
                HasMajorIllness = random.Next(5) == 0,
                ReceivesMedicalAssistance = random.Next(2) == 0,
                InSchool = random.Next(6) == 0,
                HasAbleLegalSupporter = random.Next(4) == 0,
                DailyActivities = new DailyActivities(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0),
            });
        }

        int incomes = random.Next(5);
        for (int i = 0; i < incomes; i++)
        {
            IncomeKind kind = Kind(random);
            decimal amount = Fen(random, maxIncomePerItem);
            if (random.Next(3) == 0)
            {
                b.Income(kind, amount, regular: random.Next(2) == 0);
            }
            else
            {
                b.IncomeOf(random.Next(members), kind, amount, regular: random.Next(2) == 0);
            }
        }

        if (random.Next(3) == 0)
        {
            b.Rigid(RigidExpenditureKind.Medical, Fen(random, 1500));
        }

        return b.Property(new PropertyHoldings(random.Next(maxDeposits + 1), 0m, random.Next(10) == 0 ? 1 : 0, 1));
    }
}
