using Relief.Cases.Intake;

namespace Relief.Functions.Benchmarks;

/// <summary>Distinct, valid Qingdao dibao applications (each household its own resident ids).</summary>
internal static class Applications
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static ApplicationRequest Dibao(int household)
    {
        var applicant = ResidentId("370202", new DateOnly(1980, 5, 17), household, 1);
        var spouse = ResidentId("370202", new DateOnly(1982, 3, 9), household, 2);
        return new ApplicationRequest
        {
            Program = "dibao",
            Jurisdiction = "qingdao/shinan",
            Registration = "urban",
            Members =
            [
                new MemberRequest { ResidentId = applicant, Relationship = "applicant" },
                new MemberRequest { ResidentId = spouse, Relationship = "spouse", WorkAbility = "unable", Disability = new DisabilityRequest { Type = "physical", Grade = 2 } },
            ],
            Incomes = [new IncomeRequest { Kind = "wages", MonthlyAmount = 700m, MemberResidentId = applicant }],
            Property = new PropertyRequest { Deposits = 2000m, Dwellings = 1 },
            Contact = new ContactRequest { Phone = "138 0013 8000" },
            ConsentToEconomicVerification = true,
        };
    }

    /// <summary>An 18-digit resident id (GB 11643) with a valid check digit; the sequence digits come from the household.</summary>
    private static string ResidentId(string area, DateOnly birth, int household, int member)
    {
        // Unique for 24,950 households: 499 per birth year, two members each.
        var sequence = (household % 499 * 2 + member).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var year = 1950 + household / 499 % 50;
        var body = area + new DateOnly(year, birth.Month, birth.Day).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + sequence;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (body[i] - '0') * Weights[i];
        return body + "10X98765432"[sum % 11];
    }
}
