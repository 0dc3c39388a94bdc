namespace Relief.Cases.Verification;

/// <summary>
/// An agency asked to confirm a household's economic situation (家庭经济状况核对): the county's checking centre
/// (核对中心) forwards the request to each and relays the answer.
/// </summary>
public enum VerificationAgency
{
    /// <summary>Tax records: wages and business income (税务).</summary>
    Tax,

    /// <summary>Housing provident fund contributions (住房公积金).</summary>
    HousingFund,

    /// <summary>Registered vehicles (车辆登记).</summary>
    Vehicles,

    /// <summary>Real-estate registrations (不动产登记).</summary>
    RealEstate,

    /// <summary>Bank deposits and securities (银行存款).</summary>
    Bank,

    /// <summary>Social and commercial insurance (社保、商业保险).</summary>
    Insurance,
}

/// <summary>Wire codes of <see cref="VerificationAgency"/>.</summary>
public static class VerificationAgencies
{
    /// <summary>Every agency asked for a standard-procedure case, in a fixed order.</summary>
    public static IReadOnlyList<VerificationAgency> All { get; } = Enum.GetValues<VerificationAgency>();

    /// <summary>The code on the queues, e.g. <c>housing-fund</c>.</summary>
    public static string ToCode(this VerificationAgency agency) => agency switch
    {
        VerificationAgency.Tax => "tax",
        VerificationAgency.HousingFund => "housing-fund",
        VerificationAgency.Vehicles => "vehicles",
        VerificationAgency.RealEstate => "real-estate",
        VerificationAgency.Bank => "bank",
        VerificationAgency.Insurance => "insurance",
        _ => throw new ArgumentOutOfRangeException(nameof(agency), agency, "Unknown agency."),
    };

    /// <summary>Reads a code (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? code, out VerificationAgency agency)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                agency = candidate;
                return true;
            }
        }

        agency = default;
        return false;
    }

    /// <summary>Every code, for error messages.</summary>
    public static string Codes => string.Join(", ", All.Select(a => a.ToCode()));
}
