using System.Globalization;
using Relief.Domain.Households;

namespace Relief.Domain.Policies;

/// <summary>In-memory <see cref="IPolicyCatalog"/> over loaded policy files. Pure: no I/O.</summary>
public sealed class PolicyCatalog : IPolicyCatalog
{
    /// <summary>The key of a jurisdiction-wide standards entry.</summary>
    public const string AllAreas = "*";

    private readonly Dictionary<string, JurisdictionPolicy> _byId;

    /// <summary>Creates a catalog; jurisdiction ids must be unique.</summary>
    public PolicyCatalog(IEnumerable<JurisdictionPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _byId = new Dictionary<string, JurisdictionPolicy>(StringComparer.Ordinal);
        foreach (JurisdictionPolicy policy in policies)
        {
            if (!_byId.TryAdd(policy.Jurisdiction, policy))
            {
                throw new PolicyLoadException([new PolicyLoadError(policy.SourceFile, "jurisdiction", $"jurisdiction '{policy.Jurisdiction}' is defined in more than one file ({_byId[policy.Jurisdiction].SourceFile}).")]);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Jurisdictions => _byId.Keys;

    /// <inheritdoc />
    public PolicyLookup Find(JurisdictionCode jurisdiction, DateOnly date)
    {
        if (!_byId.TryGetValue(jurisdiction.Jurisdiction, out JurisdictionPolicy? policy))
        {
            return PolicyLookup.NotFound($"No policy file for jurisdiction '{jurisdiction.Jurisdiction}'.");
        }

        PolicyVersion? version = policy.Versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);
        if (version is null)
        {
            return PolicyLookup.NotFound(string.Create(CultureInfo.InvariantCulture, $"No policy of '{policy.Jurisdiction}' is in force on {date:yyyy-MM-dd}; the earliest starts {policy.Versions.Min(v => v.EffectiveFrom):yyyy-MM-dd}."));
        }

        if (version.Missing.Count > 0)
        {
            PolicyVersion? complete = policy.Versions.FirstOrDefault(v => v.EffectiveFrom > date && v.Missing.Count == 0);
            return PolicyLookup.NotFound(string.Create(CultureInfo.InvariantCulture,
                $"Not configured for {policy.Jurisdiction} on {date:yyyy-MM-dd} (parameters {string.Join(", ", version.Missing)}){(complete is null ? "." : $"; they are set from {complete.EffectiveFrom:yyyy-MM-dd}.")}"));
        }

        string key = jurisdiction.Area ?? AllAreas;
        if (version.Areas.TryGetValue(key, out PolicyParameters? parameters)
            || version.Areas.TryGetValue(AllAreas, out parameters))
        {
            return PolicyLookup.Of(parameters with { Area = jurisdiction.Area, NationalRules = NationalRules.InForceOn(date) });
        }

        return PolicyLookup.NotFound($"Jurisdiction '{policy.Jurisdiction}' sets no standard for area '{key}'.");
    }
}
