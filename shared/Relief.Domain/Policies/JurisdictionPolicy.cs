namespace Relief.Domain.Policies;

/// <summary>A loaded policy file: one jurisdiction, its versions by effective date.</summary>
public sealed record JurisdictionPolicy(string Jurisdiction, string Name, string SourceFile, IReadOnlyList<PolicyVersion> Versions);

/// <summary>One version of a jurisdiction's policy (from <see cref="EffectiveFrom"/> until the next version).</summary>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="Areas">Per-area parameters; the key <c>*</c> is the jurisdiction-wide entry.</param>
public sealed record PolicyVersion(DateOnly EffectiveFrom, IReadOnlyDictionary<string, PolicyParameters> Areas);
