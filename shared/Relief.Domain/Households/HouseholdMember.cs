namespace Relief.Domain.Households;

/// <summary>A person registered in a household (家庭成员).</summary>
public sealed record HouseholdMember
{
    /// <summary>Validated resident ID number; the birth date comes from it.</summary>
    public required ResidentIdNumber Id { get; init; }

    /// <summary>Relationship to the applicant.</summary>
    public Relationship Relationship { get; init; } = Relationship.Applicant;

    /// <summary>Whether the person counts as a member (57号 Art. 7).</summary>
    public MemberStatus Status { get; init; } = MemberStatus.Counted;

    /// <summary>Certified disability, if any.</summary>
    public Disability? Disability { get; init; }

    /// <summary>Ability to work.</summary>
    public WorkAbility WorkAbility { get; init; } = WorkAbility.Able;

    /// <summary>Has a major illness (重特大疾病).</summary>
    public bool HasMajorIllness { get; init; }

    /// <summary>Already receives medical assistance (已享受医疗救助).</summary>
    public bool ReceivesMedicalAssistance { get; init; }

    /// <summary>In full-time education (在校就读).</summary>
    public bool InSchool { get; init; }

    /// <summary>Has a legal supporter able to support them (法定赡养、抚养、扶养义务人有履行能力).</summary>
    public bool HasAbleLegalSupporter { get; init; }

    /// <summary>Result of the six-activity assessment, when assessed.</summary>
    public DailyActivities? DailyActivities { get; init; }

    /// <summary>Suitable work offered (介绍的与其健康状况、劳动能力等相适应的工作) and refused without good reason,
    /// in a row; 0 by default. See <see cref="Dibao.WorkRefusalRule"/>.</summary>
    public int ConsecutiveWorkRefusals { get; init; }

    /// <summary>Birth date, from the ID number.</summary>
    public DateOnly BirthDate => Id.BirthDate;

    /// <summary>Counted as a household member.</summary>
    public bool IsCounted => Status == MemberStatus.Counted;

    /// <summary>Age in whole years on a date.</summary>
    public int AgeOn(DateOnly date) => Id.AgeOn(date);
}
