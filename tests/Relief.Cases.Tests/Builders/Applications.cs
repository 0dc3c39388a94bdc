using Relief.Cases.Intake;

namespace Relief.Cases.Tests.Builders;

/// <summary>Valid application requests to start from; tests change what they need with <c>with</c>.</summary>
internal static class Applications
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly string ApplicantId = TestIds.For(new DateOnly(1980, 5, 17), 1);
    public static readonly string SpouseId = TestIds.For(new DateOnly(1982, 8, 3), 2);
    public static readonly string ChildId = TestIds.For(new DateOnly(2012, 1, 9), 3);

    /// <summary>A Qingdao (Shinan) family of three with one wage of 900 yuan a month.</summary>
    public static ApplicationRequest QingdaoDibao() => new()
    {
        Program = "dibao",
        Jurisdiction = "qingdao/shinan",
        Registration = "urban",
        Members =
        [
            new MemberRequest { ResidentId = ApplicantId, Relationship = "applicant", BirthDate = new DateOnly(1980, 5, 17) },
            new MemberRequest { ResidentId = SpouseId, Relationship = "spouse", Disability = new DisabilityRequest { Type = "physical", Grade = 2 }, WorkAbility = "unable" },
            new MemberRequest { ResidentId = ChildId, Relationship = "child", InSchool = true },
        ],
        Incomes = [new IncomeRequest { Kind = "wages", MonthlyAmount = 900m, MemberResidentId = ApplicantId }],
        Property = new PropertyRequest { Deposits = 2000m, Dwellings = 1 },
        Contact = new ContactRequest { Phone = "138 0013 8000" },
        ConsentToEconomicVerification = true,
    };

    /// <summary>A Qingdao emergency (急难型) application after a fire: 800 yuan for one month.</summary>
    public static ApplicationRequest QingdaoEmergency() => QingdaoDibao() with
    {
        Program = "temporary-emergency",
        ConsentToEconomicVerification = null,
        Temporary = new TemporaryNeedRequest { Description = "House fire on 2026-03-01", AmountRequested = 800m, OccurredOn = new DateOnly(2026, 3, 1) },
    };

    /// <summary>A Qingdao expenditure-type (支出型) application: medical spending, 3 instalments.</summary>
    public static ApplicationRequest QingdaoExpenditure() => QingdaoDibao() with
    {
        Program = "temporary-expenditure",
        Expenditures = [new ExpenditureRequest { Kind = "medical", MonthlyAmount = 1500m }],
        Temporary = new TemporaryNeedRequest { Description = "Cancer treatment", AmountRequested = 2100m, MonthsOfNeed = 3, Instalments = 3 },
    };

    /// <summary>A Quanzhou Taishang tekun application of a 70-year-old living alone.</summary>
    public static ApplicationRequest TaishangTekun() => new()
    {
        Program = "tekun",
        Jurisdiction = "quanzhou-taishang",
        Registration = "rural",
        Members =
        [
            new MemberRequest
            {
                ResidentId = TestIds.For(new DateOnly(1955, 4, 2), 7, "350521"),
                Relationship = "applicant",
                WorkAbility = "unable",
                DailyActivities = DailyActivitiesRequest.Of(true, true, false, true, false, true),
            },
        ],
        Contact = new ContactRequest { Phone = "0595-88881234" },
        ConsentToEconomicVerification = true,
        Tekun = new TekunRequest { Placement = "dispersed" },
    };
}
