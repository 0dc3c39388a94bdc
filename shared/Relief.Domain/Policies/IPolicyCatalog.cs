using Relief.Domain.Households;

namespace Relief.Domain.Policies;

/// <summary>Gives the policy in force for a jurisdiction area on a date (政策目录).</summary>
public interface IPolicyCatalog
{
    /// <summary>
    /// The parameters of the latest version whose effective date is on or before <paramref name="date"/>,
    /// resolved for the area; a result with a reason when there is none.
    /// </summary>
    PolicyLookup Find(JurisdictionCode jurisdiction, DateOnly date);

    /// <summary>Ids of the jurisdictions known to the catalog.</summary>
    IReadOnlyCollection<string> Jurisdictions { get; }
}
