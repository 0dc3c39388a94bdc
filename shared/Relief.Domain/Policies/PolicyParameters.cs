using Relief.Domain.Households;

namespace Relief.Domain.Policies;

/// <summary>
/// Every policy parameter in force for one jurisdiction area on one date (政策参数), resolved from a
/// policy file version. Decisions read numbers only from here.
/// </summary>
public sealed record PolicyParameters
{
    /// <summary>Jurisdiction id (file id), e.g. <c>qingdao</c>.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Area within the jurisdiction, or null for jurisdiction-wide rules.</summary>
    public string? Area { get; init; }

    /// <summary>Display name, e.g. 青岛市.</summary>
    public required string Name { get; init; }

    /// <summary>The policy file it came from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>First day the version applies (生效日期).</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Local monthly minimum wage in yuan (最低工资标准).</summary>
    public required decimal MinimumWage { get; init; }

    /// <summary>Dibao and related (marginal, single-person, gradual exit, review).</summary>
    public required DibaoParameters Dibao { get; init; }

    /// <summary>Tekun amounts, or null when the file sets none (eligibility is still decided, on <see cref="TekunCriteria"/>).</summary>
    public TekunParameters? Tekun { get; init; }

    /// <summary>Who counts as elderly or a minor for tekun (national unless the file sets local ages, e.g. Qiaoxi minors to 18).</summary>
    public TekunCriteria TekunCriteria { get; init; } = TekunCriteria.National;

    /// <summary>Temporary assistance parameters, or null when the file sets none.</summary>
    public TemporaryAssistanceParameters? Temporary { get; init; }

    /// <summary>Rigid-expenditure household rule, or null when the file sets none.</summary>
    public RigidExpenditureHouseholdParameters? RigidExpenditureHousehold { get; init; }

    /// <summary>Procedural time limits.</summary>
    public required ProcedureLimits Procedure { get; init; }

    /// <summary>
    /// Active discovery (主动发现) thresholds: the file's <c>discovery</c> section, or
    /// <see cref="DiscoveryParameters.Seeds"/> when the file sets none.
    /// </summary>
    public DiscoveryParameters Discovery { get; init; } = DiscoveryParameters.Seeds;

    /// <summary>
    /// The date each figure was last set by a version of the file, by dotted path (e.g.
    /// <c>temporary.yearlyCapPerHousehold</c> → 2020-01-01): figures keep their own effective dates.
    /// </summary>
    public IReadOnlyDictionary<string, DateOnly> FigureSince { get; init; } = new Dictionary<string, DateOnly>(StringComparer.Ordinal);

    /// <summary>The national rules in force on the date looked up (layered over the local figures).</summary>
    public IReadOnlyList<NationalRuleInForce> NationalRules { get; init; } = [];

    /// <summary>
    /// Since when the figure at <paramref name="path"/> (or every figure under it: the latest of them) has been in
    /// force; <see cref="EffectiveFrom"/> when the file does not record it.
    /// </summary>
    public DateOnly InForceSince(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        DateOnly? latest = null;
        foreach ((string figure, DateOnly since) in FigureSince)
        {
            if ((figure == path || figure.StartsWith(path + ".", StringComparison.Ordinal)) && (latest is null || since > latest))
            {
                latest = since;
            }
        }

        return latest ?? EffectiveFrom;
    }

    /// <summary>
    /// Whether income of <paramref name="kind"/> is counted: not when the local file excludes it, nor when a national
    /// rule in force does (<paramref name="national"/> names it; the local file cannot count what the national rule excludes).
    /// </summary>
    public bool Counts(IncomeKind kind, out NationalRuleInForce? national)
    {
        national = NationalRules.FirstOrDefault(r => r.Rule.IncomeNotCounted == kind);
        return national is null && !Dibao.NotCountedIncomeKinds.Contains(kind);
    }
}

/// <summary>Dibao parameters (低保).</summary>
public sealed record DibaoParameters
{
    /// <summary>Urban monthly standard per person, yuan (城市低保标准).</summary>
    public required decimal UrbanStandard { get; init; }

    /// <summary>Rural monthly standard per person, yuan (农村低保标准).</summary>
    public required decimal RuralStandard { get; init; }

    /// <summary>How the standard was set, for explanations (e.g. "fixed" or "45% of the minimum wage").</summary>
    public required string StandardBasis { get; init; }

    /// <summary>Difference or tiers.</summary>
    public required BenefitMode BenefitMode { get; init; }

    /// <summary>Tiers ordered by income bound; empty in difference mode.</summary>
    public IReadOnlyList<DibaoTier> Tiers { get; init; } = [];

    /// <summary>Property limits.</summary>
    public required PropertyLimits PropertyLimits { get; init; }

    /// <summary>Employment-cost deduction, or null when none applies.</summary>
    public EmploymentCostDeduction? EmploymentCostDeduction { get; init; }

    /// <summary>Whether medical and disability rigid expenditures are deducted from income (刚性支出扣减).</summary>
    public required bool DeductRigidExpenditure { get; init; }

    /// <summary>Income kinds not counted (不计入家庭收入的项目).</summary>
    public required IReadOnlySet<IncomeKind> NotCountedIncomeKinds { get; init; }

    /// <summary>Single-person inclusion rule (单人保).</summary>
    public required SinglePersonRule SinglePerson { get; init; }

    /// <summary>Marginal-household income threshold as a multiple of the standard (低保边缘, 1.5×).</summary>
    public required decimal MarginalMultiple { get; init; }

    /// <summary>Months of gradual exit (渐退期), at most 6.</summary>
    public required int GradualExitMonths { get; init; }

    /// <summary>Review cadence in months for stable households (每年核查).</summary>
    public required int ReviewMonthsStable { get; init; }

    /// <summary>Review cadence in months for households with irregular income and members able to work (每半年核查).</summary>
    public required int ReviewMonthsIrregular { get; init; }

    /// <summary>The standard for a registration.</summary>
    public decimal StandardFor(Registration registration) =>
        registration == Registration.Urban ? UrbanStandard : RuralStandard;
}

/// <summary>
/// A dibao tier (分档): households whose per-capita income is below
/// <see cref="IncomeBelowShareOfStandard"/> × standard get <see cref="BenefitShareOfStandard"/> × standard per member.
/// </summary>
public sealed record DibaoTier(string Name, decimal IncomeBelowShareOfStandard, decimal BenefitShareOfStandard);

/// <summary>Property limits (财产限额).</summary>
/// <param name="FinancialAssetsPerCapitaMonths">Deposits + securities per member may not exceed this many months of the standard.</param>
/// <param name="MaxVehicles">Most motor vehicles allowed.</param>
/// <param name="MaxDwellings">Most dwellings allowed.</param>
public sealed record PropertyLimits(decimal FinancialAssetsPerCapitaMonths, int MaxVehicles, int MaxDwellings);

/// <summary>Employment-cost deduction (就业成本扣减, seed 002): <see cref="Rate"/> × the base, per employed member.</summary>
public sealed record EmploymentCostDeduction(decimal Rate, DeductionBase Base);

/// <summary>Single-person inclusion (单人保, 57号 Art. 8; seed 000).</summary>
/// <param name="IncomeThresholdMultiple">Household per-capita income must be below this multiple of the standard (national 1.5, Liyang 2).</param>
/// <param name="MinimumShareOfStandard">The enrolled person gets at least this share of the standard (Liyang 1.0; 0 = no floor).</param>
/// <param name="Condition">Who may be enrolled alone: the local rule (Liyang and Qiaoxi differ).</param>
public sealed record SinglePersonRule(decimal IncomeThresholdMultiple, decimal MinimumShareOfStandard,
    SinglePersonCondition Condition = SinglePersonCondition.SevereDisabilityOrIllnessWithMedicalAssistance);

/// <summary>Who may be enrolled alone (单人保对象), a local rule.</summary>
public enum SinglePersonCondition
{
    /// <summary>Liyang (seed 000): grade 1–2 disability, grade 3 intellectual/mental disability, or a major illness
    /// already receiving medical assistance.</summary>
    SevereDisabilityOrIllnessWithMedicalAssistance,

    /// <summary>Qiaoxi (seed 002): severely disabled or seriously ill (重病患者) people who have fully or partly lost
    /// the ability to work; no medical-assistance condition.</summary>
    SevereDisabilityOrIllnessWithLostWorkAbility,
}

/// <summary>Tekun parameters (特困供养, seed 004; 43号).</summary>
public sealed record TekunParameters
{
    /// <summary>Basic living standard as a multiple of the dibao standard (基本生活标准, 130%).</summary>
    public required decimal BasicMultipleOfDibaoStandard { get; init; }

    /// <summary>Care standard for full self-care as a share of the minimum wage (全自理, 10%).</summary>
    public required decimal SelfCareShareOfMinimumWage { get; init; }

    /// <summary>Care standard for partial care (半护理, 25%).</summary>
    public required decimal PartialCareShareOfMinimumWage { get; init; }

    /// <summary>Care standard for full care (全护理, 50%).</summary>
    public required decimal FullCareShareOfMinimumWage { get; init; }

    /// <summary>Institutional (集中供养) multiple of the dispersed (分散供养) standard (150%).</summary>
    public required decimal InstitutionalMultiple { get; init; }

    /// <summary>Review cadence in months (yearly).</summary>
    public required int ReviewMonths { get; init; }
}

/// <summary>
/// Tekun eligibility ages (特困人员认定): elderly from <paramref name="ElderlyAge"/>, minors under
/// <paramref name="MinorAgeLimit"/> (and beyond while in school). National: 60 and 16 (民发〔2021〕43号); a
/// jurisdiction may extend (seed 002, Qiaoxi: minors to 18) even where it sets no tekun amounts.
/// </summary>
/// <param name="ElderlyAge">Age from which a person counts as elderly and unable to work.</param>
/// <param name="MinorAgeLimit">Minors are supported until this age.</param>
/// <param name="Local">True when the policy file sets either age.</param>
public sealed record TekunCriteria(int ElderlyAge, int MinorAgeLimit, bool Local)
{
    /// <summary>Elderly age of the national rules (43号).</summary>
    public const int NationalElderlyAge = 60;

    /// <summary>Minor age limit of the national rules (43号: under 16).</summary>
    public const int NationalMinorAgeLimit = 16;

    /// <summary>The national criteria.</summary>
    public static TekunCriteria National { get; } = new(NationalElderlyAge, NationalMinorAgeLimit, Local: false);
}

/// <summary>Temporary assistance parameters (临时救助).</summary>
public sealed record TemporaryAssistanceParameters
{
    /// <summary>Band around the monthly dibao standard per month of need (seed 004: ±25%).</summary>
    public required decimal BandShare { get; init; }

    /// <summary>Yearly cap per household, yuan (seed 001: 30,000 from 2020-01-01).</summary>
    public required decimal YearlyCapPerHousehold { get; init; }

    /// <summary>Small-amount fast relief from the township reserve fund up to this amount (小额快救).</summary>
    public required decimal SmallAdvanceLimit { get; init; }

    /// <summary>Emergency advance relief must be paid within this many hours (seed 001: 24).</summary>
    public required int AdvanceReliefHours { get; init; }
}

/// <summary>Rigid-expenditure household rule (刚性支出困难家庭), in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record RigidExpenditureHouseholdParameters
{
    /// <summary>First day the rule applies (2025-01-01).</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last year's local per-capita disposable income, yearly yuan (上年度人均可支配收入).</summary>
    public required decimal PerCapitaDisposableIncomeLastYear { get; init; }

    /// <summary>12-month rigid spending must exceed this share of 12-month household income.</summary>
    public required decimal ExpenditureToIncomeRatio { get; init; }

    /// <summary>Months a recognition is valid (≤12).</summary>
    public required int ValidityMonths { get; init; }
}

/// <summary>
/// Active discovery (主动发现, seeds 001 and 004): when another department's record about a person who is not a
/// beneficiary raises a lead (疑似困难群众), and how long the township has to visit it.
/// </summary>
public sealed record DiscoveryParameters
{
    /// <summary>
    /// The figures used where a jurisdiction's file has no <c>discovery</c> section: personal medical self-pay above
    /// 40,000 yuan in a year (seed 004: "个人自付医疗费用超过4万元"); a visit within 10 working days (no seed gives a
    /// limit; an assumption, stated on every lead raised under it).
    /// </summary>
    public static DiscoveryParameters Seeds { get; } = new() { MedicalSelfPayYearlyThreshold = 40_000m, LeadVisitWorkingDays = 10, Local = false };

    /// <summary>A person's medical self-pay in a year strictly above this (yuan) raises a lead.</summary>
    public required decimal MedicalSelfPayYearlyThreshold { get; init; }

    /// <summary>Working days the township has to visit a lead (核实走访时限) before it is escalated.</summary>
    public required int LeadVisitWorkingDays { get; init; }

    /// <summary>True when the jurisdiction's own file set these figures; false for <see cref="Seeds"/>.</summary>
    public required bool Local { get; init; }
}

/// <summary>Procedural time limits (办理时限).</summary>
public sealed record ProcedureLimits
{
    /// <summary>Investigation starts within this many working days of acceptance (3).</summary>
    public required int InvestigationStartWorkingDays { get; init; }

    /// <summary>County decision within this many working days of receiving the file (10).</summary>
    public required int CountyDecisionWorkingDays { get; init; }

    /// <summary>Overall working days from acceptance (30, or 20 where delegated).</summary>
    public required int OverallWorkingDays { get; init; }

    /// <summary>Overall limit in special cases (45).</summary>
    public required int ExtendedWorkingDays { get; init; }

    /// <summary>Public notice length in calendar days (公示, 7).</summary>
    public required int PublicNoticeDays { get; init; }

    /// <summary>
    /// Rehearsal only (演练): when set, every day counted under this policy — working days, calendar days, the limits
    /// of <c>CaseTimeLimits</c>, transfer replies — lasts this many <b>seconds</b> of elapsed time, without a calendar,
    /// so a whole procedure with its deadlines, escalations and notice can be walked through on a real deployment in
    /// minutes (training, acceptance tests). Never set in a real jurisdiction's file; the loader accepts it only in a
    /// jurisdiction under the reserved code prefix <c>rehearsal</c>. Null (the default): real days.
    /// </summary>
    public int? RehearsalSecondsPerDay { get; init; }
}
