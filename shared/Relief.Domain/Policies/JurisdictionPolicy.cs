namespace Relief.Domain.Policies;

/// <summary>A loaded policy file: one jurisdiction, its versions by effective date.</summary>
public sealed record JurisdictionPolicy(string Jurisdiction, string Name, string SourceFile, IReadOnlyList<PolicyVersion> Versions);

/// <summary>
/// The figures of a jurisdiction in force from <see cref="EffectiveFrom"/> until the next version: this version's
/// own figures over those of the versions before it.
/// </summary>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="Areas">Per-area parameters; the key <c>*</c> is the jurisdiction-wide entry. Empty when <see cref="Missing"/> is not.</param>
public sealed record PolicyVersion(DateOnly EffectiveFrom, IReadOnlyDictionary<string, PolicyParameters> Areas)
{
    /// <summary>Required figures no version up to this one sets (e.g. <c>dibao</c> before the first standards); empty when complete.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
