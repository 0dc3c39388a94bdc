using Relief.Cases.Intake;
using Relief.Cases.Tests.Builders;
using Relief.Domain.Households;
using Relief.Domain.Tekun;

namespace Relief.Cases.Tests.Intake;

public sealed class ApplicationValidatorTests
{
    private static readonly DateOnly Today = Applications.Today;

    [Fact]
    public void Validate_ValidDibaoApplication_MapsTheHousehold()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoDibao(), Today, ShippedData.Catalog);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        ValidatedApplication app = result.Value;
        Assert.Equal(AssistanceProgram.Dibao, app.Program);
        Assert.Equal(JurisdictionCode.Parse("qingdao/shinan"), app.Household.Jurisdiction);
        Assert.Equal(Registration.Urban, app.Household.Registration);
        Assert.Equal(3, app.Household.Members.Count);
        Assert.Equal(0, app.ApplicantIndex);
        Assert.Equal(Relationship.Spouse, app.Household.Members[1].Relationship);
        Assert.Equal(new Disability(DisabilityType.Physical, 2), app.Household.Members[1].Disability);
        Assert.Equal(WorkAbility.Unable, app.Household.Members[1].WorkAbility);
        Assert.True(app.Household.Members[2].InSchool);
        Assert.Equal(new IncomeItem(IncomeKind.Wages, 900m, Applications.ApplicantId), Assert.Single(app.Household.Incomes));
        Assert.Equal(new PropertyHoldings(2000m, 0m, 0, 1), app.Household.Property);
        Assert.Equal("13800138000", app.ContactPhone);
    }

    [Fact]
    public void Validate_NoContactNoConsent_RefusedForAnApplication_AcceptedForAPreview()
    {
        var request = Applications.QingdaoDibao() with { Contact = null, ConsentToEconomicVerification = null };

        var filed = ApplicationValidator.Validate(request, Today, ShippedData.Catalog);
        var preview = ApplicationValidator.Validate(request, Today, ShippedData.Catalog, ValidationPurpose.Preview);

        Assert.Equal(["consentToEconomicVerification", "contact.phone"], filed.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.True(preview.IsValid, string.Join("; ", preview.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Validate_APreviewWithABadPhone_StillNamesIt()
    {
        var request = Applications.QingdaoDibao() with { Contact = new ContactRequest { Phone = "12" } };

        var preview = ApplicationValidator.Validate(request, Today, ShippedData.Catalog, ValidationPurpose.Preview);

        Assert.Equal(["contact.phone"], preview.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_ManyProblems_ListsEveryOneAtOnceWithItsPath()
    {
        var request = Applications.QingdaoDibao() with
        {
            Program = "pension",
            Registration = "suburban",
            Members =
            [
                new MemberRequest { ResidentId = Applications.ApplicantId, Relationship = "applicant" },
                new MemberRequest { ResidentId = TestIds.WithWrongCheck(new DateOnly(1982, 8, 3), 2), Relationship = "cousin" },
                new MemberRequest { ResidentId = "12345", Relationship = "child", Disability = new DisabilityRequest { Type = "physical", Grade = 7 } },
            ],
            Incomes = [new IncomeRequest { Kind = "lottery", MonthlyAmount = null }],
            Property = new PropertyRequest { Vehicles = -1 },
            Contact = new ContactRequest { Phone = null },
        };

        var result = ApplicationValidator.Validate(request, Today);

        Assert.False(result.IsValid);
        string[] fields = result.Errors.Select(e => e.Field).ToArray();
        Assert.Equal(
            new[]
            {
                "program", "registration", "members[1].residentId", "members[1].relationship", "members[2].residentId",
                "members[2].disability.grade", "incomes[0].kind", "incomes[0].monthlyAmount", "property.vehicles", "contact.phone",
            }.Order(),
            fields.Order());
        Assert.All(result.Errors, e => Assert.StartsWith(e.Field + ":", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SamePersonTwice_ReportsTheDomainErrorAtTheRequestPath()
    {
        var request = Applications.QingdaoDibao() with
        {
            Members =
            [
                new MemberRequest { ResidentId = Applications.ApplicantId, Relationship = "applicant" },
                new MemberRequest { ResidentId = Applications.ApplicantId, Relationship = "spouse" },
            ],
        };

        var result = ApplicationValidator.Validate(request, Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal("members[1].residentId", error.Field);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IncomeOfANonMemberAndNegativeAmounts_ReportsRequestPaths()
    {
        var request = Applications.QingdaoDibao() with
        {
            Incomes = [new IncomeRequest { Kind = "wages", MonthlyAmount = -5m, MemberResidentId = TestIds.For(new DateOnly(1990, 1, 1), 9) }],
            Expenditures = [new ExpenditureRequest { Kind = "medical", MonthlyAmount = -1m }],
        };

        var result = ApplicationValidator.Validate(request, Today);

        Assert.Equal(
            new[] { "expenditures[0].monthlyAmount", "incomes[0].memberResidentId", "incomes[0].monthlyAmount" },
            result.Errors.Select(e => e.Field).Order().ToArray());
    }

    [Fact]
    public void Validate_DibaoWithoutConsent_ReportsConsent()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoDibao() with { ConsentToEconomicVerification = false }, Today);

        Assert.Equal("consentToEconomicVerification", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_EmergencyWithoutConsent_IsValid()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoEmergency(), Today, ShippedData.Catalog);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(new TemporaryNeed("House fire on 2026-03-01", 800m, new DateOnly(2026, 3, 1), 1, 1), result.Value.Temporary);
    }

    [Fact]
    public void Validate_EmergencyAwayFromHome_PlaceCarriedAndItsPolicyChecked()
    {
        // Seed 002 / 83号: emergency assistance where the emergency happened. Liyang sets no temporary figures,
        // so a Liyang household needs the place of the emergency to be decided at all.
        var away = Applications.QingdaoEmergency() with { Jurisdiction = "liyang" };
        var withPlace = away with { Temporary = away.Temporary! with { EmergencyPlace = "qingdao/shinan" } };

        var result = ApplicationValidator.Validate(withPlace, Today, ShippedData.Catalog);
        var withoutPlace = ApplicationValidator.Validate(away, Today, ShippedData.Catalog);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(Relief.Domain.Households.JurisdictionCode.Parse("qingdao/shinan"), result.Value.Temporary!.EmergencyPlace);
        Assert.Equal("program", Assert.Single(withoutPlace.Errors).Field);
    }

    [Theory]
    [InlineData("not a code!")]
    [InlineData("a/b/c")]
    public void Validate_EmergencyPlaceOnOtherProgramsOrMalformed_ReportsTheField(string place)
    {
        var bad = Applications.QingdaoEmergency();
        bad = bad with { Temporary = bad.Temporary! with { EmergencyPlace = place } };

        var result = ApplicationValidator.Validate(bad, Today, ShippedData.Catalog);

        Assert.Equal("temporary.emergencyPlace", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_TemporaryWithBadNeed_ReportsEachField()
    {
        var request = Applications.QingdaoEmergency() with
        {
            Temporary = new TemporaryNeedRequest { Description = " ", AmountRequested = 0m, OccurredOn = Today.AddDays(1), Instalments = 2 },
        };

        var result = ApplicationValidator.Validate(request, Today);

        Assert.Equal(
            new[] { "temporary.amountRequested", "temporary.description", "temporary.instalments", "temporary.occurredOn" },
            result.Errors.Select(e => e.Field).Order().ToArray());
    }

    [Fact]
    public void Validate_TemporaryWithoutNeed_ReportsTemporary()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoEmergency() with { Temporary = null }, Today);

        Assert.Equal("temporary", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_ExpenditureTypeWithoutExpenditures_ReportsExpenditures()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoExpenditure() with { Expenditures = [] }, Today);

        Assert.Equal("expenditures", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_TekunApplicantWithoutDailyActivitiesOrPlacement_ReportsBoth()
    {
        var tekun = Applications.TaishangTekun();
        var request = tekun with
        {
            Members = [tekun.Members![0] with { DailyActivities = null }],
            Tekun = null,
        };

        var result = ApplicationValidator.Validate(request, Today, ShippedData.Catalog);

        Assert.Equal(new[] { "members[0].dailyActivities", "tekun.placement" }, result.Errors.Select(e => e.Field).Order().ToArray());
    }

    [Fact]
    public void Validate_ValidTekun_MapsPlacementAndActivities()
    {
        var result = ApplicationValidator.Validate(Applications.TaishangTekun(), Today, ShippedData.Catalog);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(Placement.Dispersed, result.Value.TekunPlacement);
        Assert.Equal(2, result.Value.Applicant.DailyActivities!.ImpossibleCount);
    }

    [Fact]
    public void Validate_DailyActivityOmitted_IsReportedNotReadAsCannot()
    {
        var tekun = Applications.TaishangTekun();
        var request = tekun with { Members = [tekun.Members![0] with { DailyActivities = tekun.Members[0].DailyActivities! with { CanBathe = null } }] };

        var result = ApplicationValidator.Validate(request, Today, ShippedData.Catalog);

        Assert.Equal("members[0].dailyActivities.canBathe", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0532-85912345", "0532-85912345")]
    [InlineData("(0532) 85912345", "053285912345")]
    public void Validate_PhoneFormats_AreNormalised(string phone, string expected)
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoDibao() with { Contact = new ContactRequest { Phone = phone } }, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(expected, result.Value.ContactPhone);
    }

    [Fact]
    public void Validate_TekunWhereThePolicyHasNoTekunRules_ReportsProgram()
    {
        var request = Applications.TaishangTekun() with { Jurisdiction = "qingdao/shinan" };

        var result = ApplicationValidator.Validate(request, Today, ShippedData.Catalog);

        Assert.Equal("program", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_UnknownJurisdiction_ReportsJurisdiction()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoDibao() with { Jurisdiction = "atlantis" }, Today, ShippedData.Catalog);

        Assert.Equal("jurisdiction", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_NoApplicantOrTwoApplicants_ReportsTheRelationship()
    {
        var dibao = Applications.QingdaoDibao();
        var none = dibao with { Members = [dibao.Members![1], dibao.Members[2]], Incomes = [] };
        var two = dibao with { Members = [dibao.Members[0], dibao.Members[1] with { Relationship = "Applicant" }] };

        Assert.Equal("members", Assert.Single(ApplicationValidator.Validate(none, Today).Errors).Field);
        Assert.Equal("members[1].relationship", Assert.Single(ApplicationValidator.Validate(two, Today).Errors).Field);
    }

    [Fact]
    public void Validate_BirthDateNotMatchingTheId_ReportsBirthDate()
    {
        var dibao = Applications.QingdaoDibao();
        var request = dibao with { Members = [dibao.Members![0] with { BirthDate = new DateOnly(1980, 5, 18) }] };

        Assert.Equal("members[0].birthDate", Assert.Single(ApplicationValidator.Validate(request, Today).Errors).Field);
    }

    [Fact]
    public void Validate_NumericEnumValue_IsRejected()
    {
        var dibao = Applications.QingdaoDibao();
        var request = dibao with { Members = [dibao.Members![0], dibao.Members[1] with { Relationship = "3" }] };

        Assert.Equal("members[1].relationship", Assert.Single(ApplicationValidator.Validate(request, Today).Errors).Field);
    }

    [Fact]
    public void Validate_BadPhone_ReportsItWithoutRepeatingTheNumber()
    {
        var result = ApplicationValidator.Validate(Applications.QingdaoDibao() with { Contact = new ContactRequest { Phone = "99912345" } }, Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal("contact.phone", error.Field);
        Assert.DoesNotContain("99912345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyRequest_ListsEveryRequiredField()
    {
        var result = ApplicationValidator.Validate(new ApplicationRequest(), Today);

        Assert.Equal(new[] { "contact.phone", "jurisdiction", "members", "program", "registration" }, result.Errors.Select(e => e.Field).Order().ToArray());
    }

    [Fact]
    public void ToString_RequestWithPersonalData_PrintsNoIdNumberOrPhone()
    {
        var request = Applications.QingdaoDibao();
        string text = request + " " + request.Members![0] + " " + request.Incomes![0] + " " + request.Contact;

        Assert.DoesNotContain(Applications.ApplicantId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("0013", text, StringComparison.Ordinal);

        var valid = ApplicationValidator.Validate(request, Today).Value!;
        Assert.DoesNotContain("13800138000", valid.ToString(), StringComparison.Ordinal);
    }
}
