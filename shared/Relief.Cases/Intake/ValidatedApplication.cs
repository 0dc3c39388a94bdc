using Relief.Domain.Households;
using Relief.Domain.Tekun;

namespace Relief.Cases.Intake;

/// <summary>
/// An application that passed <see cref="ApplicationValidator"/>: the program and the domain
/// <see cref="Household"/> the policy engine decides on, plus what the household model does not hold.
/// </summary>
/// <param name="Program">The program applied for.</param>
/// <param name="Household">The household, mapped to the domain model (members in request order).</param>
/// <param name="ApplicantIndex">Index in <see cref="Household.Members"/> of the applicant (申请人).</param>
/// <param name="ContactPhone">Normalised phone (digits, landline with a dash). Personal data: never log.</param>
/// <param name="ConsentToEconomicVerification">The applicant's consent to economic verification (核对授权).</param>
/// <param name="TekunPlacement">Tekun only: the placement sought.</param>
/// <param name="Temporary">Temporary assistance only: the need.</param>
public sealed record ValidatedApplication(
    AssistanceProgram Program,
    Household Household,
    int ApplicantIndex,
    string ContactPhone,
    bool ConsentToEconomicVerification,
    Placement? TekunPlacement,
    TemporaryNeed? Temporary)
{
    /// <summary>The applicant member.</summary>
    public HouseholdMember Applicant => Household.Members[ApplicantIndex];

    /// <summary>The bank account benefits are paid to, or null when none was given (personal data).</summary>
    public Payee? Payee { get; init; }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Program = ").Append(Program).Append(", Jurisdiction = ").Append(Household.Jurisdiction)
            .Append(", Members = ").Append(Household.Members.Count).Append(", ContactPhone = ***");
        return true;
    }
}

/// <summary>The emergency or hardship of a temporary-assistance application (临时救助事由), validated.</summary>
/// <param name="Description">What happened.</param>
/// <param name="AmountRequested">Yuan requested, more than zero.</param>
/// <param name="OccurredOn">When it happened, if given.</param>
/// <param name="MonthsOfNeed">Months of need, at least 1.</param>
/// <param name="Instalments">Instalments (分期), 1 for the emergency type.</param>
/// <param name="EmergencyPlace">Emergency type: the place of the emergency whose policy decides, when not the household's own.</param>
public sealed record TemporaryNeed(string Description, decimal AmountRequested, DateOnly? OccurredOn, int MonthsOfNeed, int Instalments, JurisdictionCode? EmergencyPlace = null);

/// <summary>A validated bank account (收款账户): digits only, the bank's 12-digit CNAPS code. Personal data.</summary>
/// <param name="AccountHolder">The holder's name.</param>
/// <param name="AccountNumber">Digits only.</param>
/// <param name="BankCode">12-digit CNAPS code (联行号).</param>
public sealed record Payee(string AccountHolder, string AccountNumber, string BankCode)
{
    /// <summary>The account number as shown to roles without the need to see it: the last 4 digits.</summary>
    public string MaskedAccount => new string('*', Math.Max(0, AccountNumber.Length - 4)) + AccountNumber[^Math.Min(4, AccountNumber.Length)..];

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccountHolder = ***, AccountNumber = ").Append(MaskedAccount).Append(", BankCode = ").Append(BankCode);
        return true;
    }
}
