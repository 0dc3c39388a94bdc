using System.Globalization;
using System.Text.RegularExpressions;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Tekun;
using Relief.Domain.Validation;

namespace Relief.Cases.Intake;

/// <summary>
/// Checks an <see cref="ApplicationRequest"/> and lists <b>every</b> problem at once (一次性告知), each as a
/// <see cref="ValidationError"/> whose field is the JSON path of the input (e.g. <c>members[1].residentId</c>,
/// <c>temporary.amountRequested</c>). Resident IDs go through <see cref="ResidentIdNumber.Parse"/> and the
/// mapped household through <see cref="HouseholdValidator.Validate"/> (its paths are translated to the
/// request's). A valid request is mapped to the domain <see cref="Household"/>. Pure.
/// </summary>
public static partial class ApplicationValidator
{
    /// <summary>Longest accepted temporary-assistance description.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>Most members accepted in one household.</summary>
    public const int MaxMembers = 30;

    /// <summary>Largest monthly amount of one income or expenditure: 10,000,000 yuan (no household on assistance comes near; no overflow reaches the engine).</summary>
    public const decimal MaxMonthlyAmount = 10_000_000m;

    /// <summary>Largest deposits or securities: 1,000,000,000 yuan.</summary>
    public const decimal MaxHolding = 1_000_000_000m;

    /// <summary>Most vehicles or dwellings, and most incomes or expenditures listed.</summary>
    public const int MaxCount = 100;

    /// <summary>
    /// Validates <paramref name="request"/> as of <paramref name="today"/> (China date of submission). When a
    /// <paramref name="catalog"/> is given, the jurisdiction must have a policy in force today that covers the
    /// program (tekun and temporary parameters are optional in policy files). For a
    /// <see cref="ValidationPurpose.Preview"/> the contact and the consent are not asked for: nothing is filed.
    /// </summary>
    public static Validated<ValidatedApplication> Validate(ApplicationRequest request, DateOnly today, IPolicyCatalog? catalog = null, ValidationPurpose purpose = ValidationPurpose.Application)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Errors();

        // Program (救助项目).
        AssistanceProgram? program = null;
        if (string.IsNullOrWhiteSpace(request.Program))
        {
            errors.Add("program", "is required: one of " + string.Join(", ", AssistancePrograms.Codes) + ".");
        }
        else if (AssistancePrograms.TryParse(request.Program, out var parsedProgram))
        {
            program = parsedProgram;
        }
        else
        {
            errors.Add("program", $"'{request.Program}' is not a program; use one of {string.Join(", ", AssistancePrograms.Codes)}.");
        }

        // Jurisdiction (行政区划) and the policy in force.
        JurisdictionCode? jurisdiction = null;
        if (string.IsNullOrWhiteSpace(request.Jurisdiction))
        {
            errors.Add("jurisdiction", "is required, e.g. qingdao/shinan.");
        }
        else
        {
            try
            {
                jurisdiction = JurisdictionCode.Parse(request.Jurisdiction);
            }
            catch (FormatException)
            {
                errors.Add("jurisdiction", $"'{request.Jurisdiction}' is not a jurisdiction code (jurisdiction or jurisdiction/area).");
            }
        }

        // Emergency assistance is decided by the policy of the place where the emergency happened (seed 002, 83号).
        JurisdictionCode? emergencyPlace = EmergencyPlace(errors, request.Temporary?.EmergencyPlace, program);
        if (catalog is not null && emergencyPlace is { } place)
        {
            PolicyLookup atPlace = catalog.Find(place, today);
            if (!atPlace.Found) errors.Add("temporary.emergencyPlace", atPlace.Reason);
            else if (atPlace.Policy.Temporary is null) errors.Add("temporary.emergencyPlace", $"the policy of '{place}' in force on {today:yyyy-MM-dd} sets no temporary-assistance rules.");
        }

        if (catalog is not null && jurisdiction is { } code)
        {
            PolicyLookup lookup = catalog.Find(code, today);
            if (!lookup.Found)
            {
                errors.Add("jurisdiction", lookup.Reason);
            }
            else if (program == AssistanceProgram.Tekun && lookup.Policy.Tekun is null)
            {
                errors.Add("program", $"the policy of '{code}' in force on {today:yyyy-MM-dd} sets no tekun rules; apply where tekun is administered.");
            }
            else if (program?.IsTemporary() == true && emergencyPlace is null && lookup.Policy.Temporary is null)
            {
                errors.Add("program", $"the policy of '{code}' in force on {today:yyyy-MM-dd} sets no temporary-assistance rules.");
            }
        }

        Registration registration = ParseRequired(errors, "registration", request.Registration, Registration.Urban);

        // Members (家庭成员).
        IReadOnlyList<MemberRequest> memberRequests = request.Members ?? [];
        var members = new List<HouseholdMember?>();
        int applicantIndex = -1;
        if (memberRequests.Count == 0)
        {
            errors.Add("members", "at least one member is required: the applicant.");
        }
        else if (memberRequests.Count > MaxMembers)
        {
            errors.Add("members", $"at most {MaxMembers} members are accepted.");
        }

        for (int i = 0; i < memberRequests.Count && i < MaxMembers; i++)
        {
            HouseholdMember? member = ValidateMember(errors, memberRequests[i], i, today);
            members.Add(member);
            if (string.Equals(memberRequests[i]?.Relationship?.Trim(), "applicant", StringComparison.OrdinalIgnoreCase))
            {
                if (applicantIndex >= 0)
                {
                    errors.Add(Path("members", i, "relationship"), $"only one member can be the applicant; members[{applicantIndex}] already is.");
                }
                else
                {
                    applicantIndex = i;
                }
            }
        }

        if (memberRequests.Count > 0 && applicantIndex < 0)
        {
            errors.Add("members", "one member must have relationship 'applicant'.");
        }

        if (program == AssistanceProgram.Tekun && applicantIndex >= 0 && memberRequests[applicantIndex]?.DailyActivities is null)
        {
            errors.Add(Path("members", applicantIndex, "dailyActivities"), "is required for a tekun applicant (six daily activities, 43号 Art. 21–22).");
        }

        // Incomes (家庭收入).
        IReadOnlyList<IncomeRequest> incomeRequests = request.Incomes ?? [];
        if (incomeRequests.Count > MaxCount) errors.Add("incomes", $"at most {MaxCount} incomes are accepted.");
        var incomes = new List<IncomeItem>();
        for (int i = 0; i < incomeRequests.Count && i < MaxCount; i++)
        {
            IncomeRequest? income = incomeRequests[i];
            if (income is null)
            {
                errors.Add(Path("incomes", i, null), "is empty.");
                continue;
            }

            IncomeKind kind = ParseRequired(errors, Path("incomes", i, "kind"), income.Kind, IncomeKind.Wages);
            decimal amount = RequireAmount(errors, Path("incomes", i, "monthlyAmount"), income.MonthlyAmount);
            string? earner = null;
            if (!string.IsNullOrWhiteSpace(income.MemberResidentId))
            {
                // Whether the earner is a member is checked by the domain's household validator below.
                earner = income.MemberResidentId.Trim().ToUpperInvariant();
            }

            incomes.Add(new IncomeItem(kind, amount, earner, income.Regular));
        }

        // Property (家庭财产).
        PropertyHoldings property = PropertyHoldings.None;
        if (request.Property is { } p)
        {
            property = new PropertyHoldings(p.Deposits, p.Securities, p.Vehicles, p.Dwellings);
            if (p.Vehicles is < 0 or > MaxCount) errors.Add("property.vehicles", $"must be 0–{MaxCount}.");
            if (p.Dwellings is < 0 or > MaxCount) errors.Add("property.dwellings", $"must be 0–{MaxCount}.");
            if (p.Deposits > MaxHolding) errors.Add("property.deposits", $"must be at most {MaxHolding} yuan.");
            if (p.Securities > MaxHolding) errors.Add("property.securities", $"must be at most {MaxHolding} yuan.");
        }

        // Rigid expenditures (刚性支出).
        IReadOnlyList<ExpenditureRequest> expenditureRequests = request.Expenditures ?? [];
        if (expenditureRequests.Count > MaxCount) errors.Add("expenditures", $"at most {MaxCount} expenditures are accepted.");
        var expenditures = new List<RigidExpenditure>();
        for (int i = 0; i < expenditureRequests.Count && i < MaxCount; i++)
        {
            ExpenditureRequest? expenditure = expenditureRequests[i];
            if (expenditure is null)
            {
                errors.Add(Path("expenditures", i, null), "is empty.");
                continue;
            }

            RigidExpenditureKind kind = ParseRequired(errors, Path("expenditures", i, "kind"), expenditure.Kind, RigidExpenditureKind.Medical);
            decimal amount = RequireAmount(errors, Path("expenditures", i, "monthlyAmount"), expenditure.MonthlyAmount);
            expenditures.Add(new RigidExpenditure(kind, amount));
        }

        if (program == AssistanceProgram.TemporaryExpenditure && expenditureRequests.Count == 0)
        {
            errors.Add("expenditures", "the expenditure type (支出型) needs at least one rigid expenditure.");
        }

        // Contact (personal data: the value never appears in a message).
        string phone = string.Empty;
        bool filed = purpose == ValidationPurpose.Application;
        if (string.IsNullOrWhiteSpace(request.Contact?.Phone))
        {
            if (filed) errors.Add("contact.phone", "is required.");
        }
        else
        {
            phone = NormalisePhone(request.Contact.Phone);
            if (!MobilePhone().IsMatch(phone) && !Landline().IsMatch(phone))
            {
                errors.Add("contact.phone", "is not a mobile number (11 digits starting with 1) or a landline number with its area code.");
            }
        }

        // Payee (personal data: the values never appear in a message).
        Payee? payee = null;
        if (request.Payee is { } given)
        {
            var payeeCheck = ValidatePayee(given, "payee");
            foreach (ValidationError error in payeeCheck.Errors) errors.Add(error);
            payee = payeeCheck.Payee;
        }

        // Consent to economic verification (家庭经济状况核对授权).
        bool consent = request.ConsentToEconomicVerification == true;
        if (filed && program is { } pr && pr.RequiresEconomicVerification() && !consent)
        {
            errors.Add("consentToEconomicVerification", $"must be true: {pr.ToCode()} requires economic verification (家庭经济状况核对).");
        }

        // Program details.
        Placement? placement = null;
        if (program == AssistanceProgram.Tekun)
        {
            placement = ParseRequired(errors, "tekun.placement", request.Tekun?.Placement, Placement.Dispersed);
        }

        TemporaryNeed? need = null;
        if (program is { } tp && tp.IsTemporary())
        {
            need = ValidateTemporary(errors, request.Temporary, tp, today, emergencyPlace);
        }

        // The domain's household checks (duplicates, earners, negatives), on the mapped household.
        Household? household = null;
        if (jurisdiction is { } j && members.Count > 0 && members.All(m => m is not null))
        {
            household = new Household
            {
                Jurisdiction = j,
                Registration = registration,
                Members = members.Select(m => m!).ToArray(),
                Incomes = incomes,
                Property = property,
                RigidExpenditures = expenditures,
            };
            foreach (ValidationError error in HouseholdValidator.Validate(household))
            {
                string field = TranslateDomainField(error.Field);
                string message = error.Message.StartsWith(error.Field + ": ", StringComparison.Ordinal)
                    ? error.Message[(error.Field.Length + 2)..]
                    : error.Message;
                errors.AddOnce(field, message);
            }
        }

        if (errors.Count > 0 || household is null || program is null || applicantIndex < 0)
        {
            if (errors.Count == 0)
            {
                errors.Add("members", "the household could not be read.");
            }

            return Validated<ValidatedApplication>.Invalid(errors.ToArray());
        }

        return Validated<ValidatedApplication>.Valid(new ValidatedApplication(
            program.Value, household, applicantIndex, phone, consent, placement, need) { Payee = payee });
    }

    private static HouseholdMember? ValidateMember(Errors errors, MemberRequest? request, int index, DateOnly today)
    {
        if (request is null)
        {
            errors.Add(Path("members", index, null), "is empty.");
            return null;
        }

        string idField = Path("members", index, "residentId");
        Validated<ResidentIdNumber> id = ResidentIdNumber.Parse(request.ResidentId, idField, today);
        foreach (ValidationError error in id.Errors)
        {
            errors.Add(error);
        }

        if (id.IsValid && request.BirthDate is { } declared && declared != id.Value.BirthDate)
        {
            errors.Add(Path("members", index, "birthDate"), "does not match the birth date in the resident ID number.");
        }

        Relationship relationship = ParseRequired(errors, Path("members", index, "relationship"), request.Relationship, Relationship.Applicant);
        MemberStatus status = ParseOptional(errors, Path("members", index, "status"), request.Status, MemberStatus.Counted);
        WorkAbility workAbility = ParseOptional(errors, Path("members", index, "workAbility"), request.WorkAbility, WorkAbility.Able);

        Disability? disability = null;
        if (request.Disability is { } d)
        {
            DisabilityType type = ParseRequired(errors, Path("members", index, "disability.type"), d.Type, DisabilityType.Physical);
            if (d.Grade is not (>= 1 and <= 4))
            {
                errors.Add(Path("members", index, "disability.grade"), "is required: 1 (most severe) to 4.");
            }
            else
            {
                disability = new Disability(type, d.Grade.Value);
            }
        }

        DailyActivities? activities = null;
        if (request.DailyActivities is { } a)
        {
            string field = Path("members", index, "dailyActivities");
            (string Name, bool? Value)[] six =
            [
                ("canEat", a.CanEat), ("canDress", a.CanDress), ("canTransferFromBed", a.CanTransferFromBed),
                ("canUseToilet", a.CanUseToilet), ("canWalkIndoors", a.CanWalkIndoors), ("canBathe", a.CanBathe),
            ];
            foreach (var (name, value) in six.Where(x => x.Value is null))
            {
                errors.Add(field + "." + name, "is required (true or false) when daily activities are given.");
            }

            if (six.All(x => x.Value is not null))
            {
                activities = new DailyActivities(a.CanEat!.Value, a.CanDress!.Value, a.CanTransferFromBed!.Value, a.CanUseToilet!.Value, a.CanWalkIndoors!.Value, a.CanBathe!.Value);
            }
        }

        if (!id.IsValid)
        {
            return null;
        }

        return new HouseholdMember
        {
            Id = id.Value,
            Relationship = relationship,
            Status = status,
            Disability = disability,
            WorkAbility = workAbility,
            HasMajorIllness = request.HasMajorIllness,
            ReceivesMedicalAssistance = request.ReceivesMedicalAssistance,
            InSchool = request.InSchool,
            HasAbleLegalSupporter = request.HasAbleLegalSupporter,
            ConsecutiveWorkRefusals = request.ConsecutiveWorkRefusals,
            DailyActivities = activities,
        };
    }

    private static JurisdictionCode? EmergencyPlace(Errors errors, string? text, AssistanceProgram? program)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (program != AssistanceProgram.TemporaryEmergency)
        {
            errors.Add("temporary.emergencyPlace", "applies to emergency assistance (急难型) only.");
            return null;
        }

        try
        {
            return JurisdictionCode.Parse(text);
        }
        catch (FormatException)
        {
            errors.Add("temporary.emergencyPlace", $"'{text}' is not a jurisdiction code (jurisdiction or jurisdiction/area).");
            return null;
        }
    }

    private static TemporaryNeed? ValidateTemporary(Errors errors, TemporaryNeedRequest? request, AssistanceProgram program, DateOnly today, JurisdictionCode? emergencyPlace)
    {
        if (request is null)
        {
            errors.Add("temporary", "is required for temporary assistance: description and amountRequested.");
            return null;
        }

        int before = errors.Count;
        string description = request.Description?.Trim() ?? string.Empty;
        if (description.Length == 0)
        {
            errors.Add("temporary.description", "is required: what happened (fire, accident, sudden illness, major spending …).");
        }
        else if (description.Length > MaxDescriptionLength)
        {
            errors.Add("temporary.description", $"is longer than {MaxDescriptionLength} characters.");
        }

        if (request.AmountRequested is not { } amount || amount <= 0m)
        {
            errors.Add("temporary.amountRequested", "is required and must be more than zero.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add("temporary.amountRequested", "has more than two decimal places (fen).");
        }

        if (request.OccurredOn is { } occurred && occurred > today)
        {
            errors.Add("temporary.occurredOn", "is in the future.");
        }

        int months = request.MonthsOfNeed ?? 1;
        if (months is < 1 or > 12)
        {
            errors.Add("temporary.monthsOfNeed", "must be 1 to 12.");
        }

        int instalments = request.Instalments ?? 1;
        if (program == AssistanceProgram.TemporaryEmergency && instalments != 1)
        {
            errors.Add("temporary.instalments", "must be 1: emergency assistance (急难型) is paid at once.");
        }
        else if (instalments is < 1 or > 12)
        {
            errors.Add("temporary.instalments", "must be 1 to 12.");
        }

        return errors.Count == before
            ? new TemporaryNeed(description, request.AmountRequested!.Value, request.OccurredOn, months, instalments, emergencyPlace)
            : null;
    }

    private static decimal RequireAmount(Errors errors, string field, decimal? amount)
    {
        if (amount is null)
        {
            errors.Add(field, "is required.");
            return 0m;
        }

        // Negative amounts are reported by the domain's household validator; too large ones here, before any arithmetic.
        if (amount.Value > MaxMonthlyAmount)
        {
            errors.Add(field, $"must be at most {MaxMonthlyAmount} yuan a month.");
            return 0m;
        }

        return amount.Value;
    }

    private static TEnum ParseRequired<TEnum>(Errors errors, string field, string? value, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"is required: one of {Allowed<TEnum>()}.");
            return fallback;
        }

        return ParseOptional(errors, field, value, fallback);
    }

    private static TEnum ParseOptional<TEnum>(Errors errors, string field, string? value, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        string trimmed = value.Trim();
        if (trimmed.All(char.IsAsciiLetter) && Enum.TryParse(trimmed, ignoreCase: true, out TEnum parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors.Add(field, $"'{trimmed}' is not allowed; use one of {Allowed<TEnum>()}.");
        return fallback;
    }

    private static string Allowed<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    /// <summary>Drops spaces, brackets and a +86 prefix; a mobile number also loses its dashes.</summary>
    private static string NormalisePhone(string phone)
    {
        string digits = new(phone.Where(c => !char.IsWhiteSpace(c) && c != '(' && c != ')').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..].TrimStart('-');
        }

        string withoutDashes = digits.Replace("-", string.Empty, StringComparison.Ordinal);
        return MobilePhone().IsMatch(withoutDashes) ? withoutDashes : digits;
    }

    /// <summary>Domain field names → request JSON paths.</summary>
    private static string TranslateDomainField(string field) =>
        field.Replace("rigidExpenditures[", "expenditures[", StringComparison.Ordinal)
             .Replace("].memberId", "].memberResidentId", StringComparison.Ordinal);

    internal static string Path(string list, int index, string? name) =>
        name is null
            ? string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]")
            : string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{name}");

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePhone();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex Landline();

    /// <summary>
    /// Checks a bank account (收款账户) — holder 1–70 characters, account 10–32 digits (spaces dropped), 12-digit CNAPS
    /// code — and returns it normalised, or every error with its field under <paramref name="prefix"/>. The values never
    /// appear in a message.
    /// </summary>
    public static (Payee? Payee, IReadOnlyList<ValidationError> Errors) ValidatePayee(PayeeRequest given, string prefix)
    {
        ArgumentNullException.ThrowIfNull(given);
        var errors = new Errors();
        string holder = given.AccountHolder?.Trim() ?? string.Empty;
        string account = new((given.AccountNumber ?? string.Empty).Where(c => c != ' ').ToArray());
        string bank = given.BankCode?.Trim() ?? string.Empty;
        if (holder.Length is 0 or > 70 || holder.Any(char.IsControl)) errors.Add(prefix + ".accountHolder", "is required: 1–70 characters, no control characters.");
        if (account.Length is < 10 or > 32 || !account.All(char.IsAsciiDigit)) errors.Add(prefix + ".accountNumber", "must be 10–32 digits.");
        if (bank.Length != 12 || !bank.All(char.IsAsciiDigit)) errors.Add(prefix + ".bankCode", "must be the bank's 12-digit CNAPS code (联行号).");
        return errors.Count == 0 ? (new Payee(holder, account, bank), []) : (null, errors.ToArray());
    }

    /// <summary>Collects errors; each message starts with its field, as the domain's do.</summary>
    private sealed class Errors
    {
        private readonly List<ValidationError> _list = [];

        public int Count => _list.Count;

        public void Add(string field, string message) => _list.Add(new ValidationError(field, $"{field}: {message}"));

        public void Add(ValidationError error) => _list.Add(error);

        public void AddOnce(string field, string message)
        {
            if (!_list.Any(e => e.Field == field))
            {
                Add(field, message);
            }
        }

        public ValidationError[] ToArray() => [.. _list];
    }
}
