namespace Relief.Domain.Households;

/// <summary>A certified disability (残疾): type and grade, grade 1 the most severe, 4 the least.</summary>
public sealed record Disability
{
    /// <summary>Creates a disability; the grade must be 1–4.</summary>
    public Disability(DisabilityType type, int grade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grade, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grade, 4);
        Type = type;
        Grade = grade;
    }

    /// <summary>Disability type.</summary>
    public DisabilityType Type { get; }

    /// <summary>Grade 1–4 (一级 … 四级).</summary>
    public int Grade { get; }

    /// <summary>Intellectual or mental disability (智力、精神残疾).</summary>
    public bool IsIntellectualOrMental => Type is DisabilityType.Intellectual or DisabilityType.Mental;

    /// <summary>
    /// Severe disability for single-person inclusion (重度残疾): grade 1–2 of any type, or grade 3
    /// intellectual or mental (57号 Art. 8; seed 000).
    /// </summary>
    public bool IsSevereForSinglePersonInclusion => Grade <= 2 || (Grade == 3 && IsIntellectualOrMental);

    /// <summary>
    /// Disability that removes the ability to work for tekun (43号): grade 1–3 intellectual or
    /// mental, grade 1–2 physical, grade 1 visual.
    /// </summary>
    public bool RemovesWorkAbilityForTekun => Type switch
    {
        DisabilityType.Intellectual or DisabilityType.Mental => Grade <= 3,
        DisabilityType.Physical => Grade <= 2,
        DisabilityType.Visual => Grade == 1,
        DisabilityType.Multiple => Grade <= 2,
        _ => false,
    };
}
