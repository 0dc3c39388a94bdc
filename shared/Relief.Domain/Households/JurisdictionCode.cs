namespace Relief.Domain.Households;

/// <summary>
/// Where a household is registered, as a policy-file id and an optional area inside it
/// (行政区划), e.g. <c>qingdao/shinan</c>, <c>liyang</c>. Lower-case ASCII, compared ordinally.
/// </summary>
public readonly record struct JurisdictionCode(string Jurisdiction, string? Area)
{
    /// <summary>Parses <c>jurisdiction</c> or <c>jurisdiction/area</c>.</summary>
    public static JurisdictionCode Parse(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        string[] parts = code.Trim().ToLowerInvariant().Split('/');
        return parts.Length switch
        {
            1 => new JurisdictionCode(parts[0], null),
            2 when parts[1].Length > 0 => new JurisdictionCode(parts[0], parts[1]),
            _ => throw new FormatException($"'{code}' is not a jurisdiction code (jurisdiction or jurisdiction/area)."),
        };
    }

    public override string ToString() => Area is null ? Jurisdiction : Jurisdiction + "/" + Area;
}
