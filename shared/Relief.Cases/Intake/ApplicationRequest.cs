using System.Text;

namespace Relief.Cases.Intake;

/// <summary>
/// An application for assistance as submitted by a portal or the one-window counter (救助申请), the body of
/// <c>POST /api/applications</c>. Every field is optional at the type level so that
/// <see cref="ApplicationValidator"/> can list every problem at once (一次性告知) with its JSON path; codes
/// (program, registration, relationship …) are strings for the same reason. Property names serialise in
/// camelCase (System.Text.Json web defaults).
/// </summary>
/// <remarks>Holds personal data (ID numbers, phone): never log it; <see cref="ToString"/> prints no personal data.</remarks>
public sealed record ApplicationRequest
{
    /// <summary><c>dibao</c>, <c>tekun</c>, <c>temporary-emergency</c> or <c>temporary-expenditure</c>.</summary>
    public string? Program { get; init; }

    /// <summary>Jurisdiction code <c>jurisdiction</c> or <c>jurisdiction/area</c>, e.g. <c>qingdao/shinan</c>.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Hukou registration (户籍性质): <c>urban</c> or <c>rural</c>.</summary>
    public string? Registration { get; init; }

    /// <summary>Registered persons (家庭成员); exactly one has relationship <c>applicant</c>.</summary>
    public IReadOnlyList<MemberRequest>? Members { get; init; }

    /// <summary>Monthly incomes (家庭收入).</summary>
    public IReadOnlyList<IncomeRequest>? Incomes { get; init; }

    /// <summary>Property (家庭财产); none when absent.</summary>
    public PropertyRequest? Property { get; init; }

    /// <summary>Rigid expenditures (刚性支出); the expenditure type needs at least one.</summary>
    public IReadOnlyList<ExpenditureRequest>? Expenditures { get; init; }

    /// <summary>How to reach the applicant (personal data).</summary>
    public ContactRequest? Contact { get; init; }

    /// <summary>
    /// The bank account benefits are paid to (收款账户, often the subsidy card 惠民惠农一卡通); personal data. Optional at
    /// intake — a payment with no account on file is held for the caseworker, never lost.
    /// </summary>
    public PayeeRequest? Payee { get; init; }

    /// <summary>Consent to economic verification (家庭经济状况核对授权); must be true for dibao, tekun and expenditure type.</summary>
    public bool? ConsentToEconomicVerification { get; init; }

    /// <summary>Tekun details: the placement sought; required for tekun.</summary>
    public TekunRequest? Tekun { get; init; }

    /// <summary>Temporary assistance details: the emergency or hardship; required for both temporary types.</summary>
    public TemporaryNeedRequest? Temporary { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Program = ").Append(Program).Append(", Jurisdiction = ").Append(Jurisdiction);
        return true;
    }
}

/// <summary>A registered person (家庭成员).</summary>
/// <remarks>Holds a resident ID number: <see cref="ToString"/> masks it.</remarks>
public sealed record MemberRequest
{
    /// <summary>18-character resident ID number (公民身份号码, GB 11643).</summary>
    public string? ResidentId { get; init; }

    /// <summary>
    /// Relationship to the applicant (与申请人关系): <c>applicant</c>, <c>spouse</c>, <c>child</c>, <c>parent</c>,
    /// <c>grandchild</c>, <c>grandparent</c>, <c>sibling</c>, <c>otherDependant</c>.
    /// </summary>
    public string? Relationship { get; init; }

    /// <summary>Birth date as declared; when given it must match the one in the ID number.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>
    /// Member status (57号 Art. 7): <c>counted</c> (default), <c>clergyAwayThreeYears</c>, <c>imprisoned</c>,
    /// <c>compulsoryRehabilitation</c>, <c>declaredMissing</c>.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>Certified disability (残疾证), if any.</summary>
    public DisabilityRequest? Disability { get; init; }

    /// <summary>Ability to work (劳动能力): <c>able</c> (default), <c>partial</c>, <c>unable</c>.</summary>
    public string? WorkAbility { get; init; }

    /// <summary>Has a major illness (重特大疾病).</summary>
    public bool HasMajorIllness { get; init; }

    /// <summary>Already receives medical assistance (已享受医疗救助).</summary>
    public bool ReceivesMedicalAssistance { get; init; }

    /// <summary>In full-time education (在校就读).</summary>
    public bool InSchool { get; init; }

    /// <summary>Has a legal supporter able to support them (有履行能力的法定义务人).</summary>
    public bool HasAbleLegalSupporter { get; init; }

    /// <summary>Suitable work offered and refused without good reason, in a row (0–100; default 0). From 3 on, a
    /// member able to work loses his own share of the dibao (拒绝就业).</summary>
    public int ConsecutiveWorkRefusals { get; init; }

    /// <summary>The six daily activities (生活自理能力); required for the tekun applicant.</summary>
    public DailyActivitiesRequest? DailyActivities { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ResidentId = ").Append(Mask(ResidentId)).Append(", Relationship = ").Append(Relationship);
        return true;
    }

    private static string Mask(string? id) => id is { Length: 18 } ? string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14, 4)) : "***";
}

/// <summary>A certified disability: type (<c>visual</c>, <c>hearing</c>, <c>speech</c>, <c>physical</c>,
/// <c>intellectual</c>, <c>mental</c>, <c>multiple</c>) and grade 1–4.</summary>
public sealed record DisabilityRequest
{
    /// <summary>Disability type (残疾类别).</summary>
    public string? Type { get; init; }

    /// <summary>Grade 1 (most severe) to 4.</summary>
    public int? Grade { get; init; }
}

/// <summary>
/// The six daily activities (43号 Art. 21–22): true when the person can do it unaided. Each is required — an
/// omitted activity is reported, never read as "cannot" (which would raise the care tier).
/// </summary>
public sealed record DailyActivitiesRequest
{
    /// <summary>Can eat (进食).</summary>
    public bool? CanEat { get; init; }

    /// <summary>Can dress (穿衣).</summary>
    public bool? CanDress { get; init; }

    /// <summary>Can get out of bed (上下床).</summary>
    public bool? CanTransferFromBed { get; init; }

    /// <summary>Can use the toilet (如厕).</summary>
    public bool? CanUseToilet { get; init; }

    /// <summary>Can walk indoors (室内行走).</summary>
    public bool? CanWalkIndoors { get; init; }

    /// <summary>Can bathe (洗澡).</summary>
    public bool? CanBathe { get; init; }

    /// <summary>All six given at once.</summary>
    public static DailyActivitiesRequest Of(bool canEat, bool canDress, bool canTransferFromBed, bool canUseToilet, bool canWalkIndoors, bool canBathe) => new()
    {
        CanEat = canEat,
        CanDress = canDress,
        CanTransferFromBed = canTransferFromBed,
        CanUseToilet = canUseToilet,
        CanWalkIndoors = canWalkIndoors,
        CanBathe = canBathe,
    };
}

/// <summary>A monthly income (收入). <see cref="ToString"/> masks the earner's ID.</summary>
public sealed record IncomeRequest
{
    /// <summary>
    /// Kind: <c>wages</c>, <c>business</c>, <c>property</c>, <c>transfer</c>, <c>honoursAndAwards</c>, <c>scholarship</c>,
    /// <c>socialAssistance</c>, <c>residentBasicPension</c>, <c>locallyExcluded</c>.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>Average monthly amount in yuan, not negative.</summary>
    public decimal? MonthlyAmount { get; init; }

    /// <summary>Resident ID of the earner, who must be a member; absent for household income.</summary>
    public string? MemberResidentId { get; init; }

    /// <summary>False for irregular income (收入来源不固定).</summary>
    public bool Regular { get; init; } = true;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind).Append(", MonthlyAmount = ").Append(MonthlyAmount)
            .Append(", MemberResidentId = ").Append(MemberResidentId is null ? "null" : "***");
        return true;
    }
}

/// <summary>Property (家庭财产).</summary>
public sealed record PropertyRequest
{
    /// <summary>Bank deposits, yuan (存款).</summary>
    public decimal Deposits { get; init; }

    /// <summary>Securities, yuan (有价证券).</summary>
    public decimal Securities { get; init; }

    /// <summary>Motor vehicles owned (机动车辆).</summary>
    public int Vehicles { get; init; }

    /// <summary>Dwellings owned (房产套数).</summary>
    public int Dwellings { get; init; }
}

/// <summary>A rigid monthly expenditure (刚性支出).</summary>
public sealed record ExpenditureRequest
{
    /// <summary>Kind: <c>medical</c>, <c>education</c> or <c>disability</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Average monthly amount in yuan, not negative.</summary>
    public decimal? MonthlyAmount { get; init; }
}

/// <summary>How to reach the applicant (联系方式). Personal data: never logged; <see cref="ToString"/> masks it.</summary>
public sealed record ContactRequest
{
    /// <summary>Mobile (11 digits starting with 1) or landline (digits, optional area code with a dash).</summary>
    public string? Phone { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Phone = ***");
        return true;
    }
}

/// <summary>A bank account for benefits (收款账户). Personal data: <see cref="ToString"/> masks it.</summary>
public sealed record PayeeRequest
{
    /// <summary>The account holder's name as the bank knows it (账户名).</summary>
    public string? AccountHolder { get; init; }

    /// <summary>The account or card number, 10–32 digits (spaces allowed).</summary>
    public string? AccountNumber { get; init; }

    /// <summary>The bank's 12-digit CNAPS code (联行号).</summary>
    public string? BankCode { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccountHolder = ***, AccountNumber = ***, BankCode = ").Append(BankCode);
        return true;
    }
}

/// <summary>Tekun details (特困供养).</summary>
public sealed record TekunRequest
{
    /// <summary>Placement sought (供养方式): <c>dispersed</c> (分散供养, at home) or <c>institutional</c> (集中供养).</summary>
    public string? Placement { get; init; }
}

/// <summary>The emergency or hardship behind a temporary-assistance application (临时救助事由).</summary>
public sealed record TemporaryNeedRequest
{
    /// <summary>What happened (fire, accident, sudden illness, major medical spending …); required, at most 2,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>The amount requested in yuan; required, more than zero.</summary>
    public decimal? AmountRequested { get; init; }

    /// <summary>When the emergency happened or the spending arose; not in the future.</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>Months of need the grant should cover (default 1).</summary>
    public int? MonthsOfNeed { get; init; }

    /// <summary>Instalments requested (分期救助), expenditure type only (default 1).</summary>
    public int? Instalments { get; init; }

    /// <summary>Emergency type only: the jurisdiction code of the place where the emergency happened (急难发生地),
    /// when it is not the household's own; that place's policy decides (seed 002, 83号).</summary>
    public string? EmergencyPlace { get; init; }
}
