using System.Text.Json;
using Relief.Cases.Intake;

namespace Relief.Cases.Storage.Tests;

public sealed class StorageJsonTests
{
    [Fact]
    public void Deserialize_PortalApplicationJson_BindsEveryFieldTheValidatorReads()
    {
        const string json = """
        {
          "program": "tekun",
          "jurisdiction": "quanzhou-taishang",
          "registration": "rural",
          "members": [{
            "residentId": "350521195504020070", "relationship": "applicant", "birthDate": "1955-04-02",
            "status": "counted", "workAbility": "unable", "hasMajorIllness": true, "inSchool": false,
            "disability": { "type": "physical", "grade": 2 },
            "dailyActivities": { "canEat": true, "canDress": true, "canTransferFromBed": false,
                                 "canUseToilet": true, "canWalkIndoors": false, "canBathe": true }
          }],
          "incomes": [{ "kind": "transfer", "monthlyAmount": 120.5, "memberResidentId": "350521195504020070", "regular": false }],
          "property": { "deposits": 1000, "securities": 0, "vehicles": 0, "dwellings": 1 },
          "expenditures": [{ "kind": "medical", "monthlyAmount": 300 }],
          "contact": { "phone": "13800138000" },
          "consentToEconomicVerification": true,
          "tekun": { "placement": "institutional" },
          "temporary": { "description": "d", "amountRequested": 10, "occurredOn": "2026-03-01", "monthsOfNeed": 2, "instalments": 2 }
        }
        """;

        var request = JsonSerializer.Deserialize<ApplicationRequest>(json, StorageJson.Options)!;

        Assert.Equal("tekun", request.Program);
        var member = Assert.Single(request.Members!);
        Assert.Equal(new DateOnly(1955, 4, 2), member.BirthDate);
        Assert.True(member.HasMajorIllness);
        Assert.Equal(2, member.Disability!.Grade);
        Assert.False(member.DailyActivities!.CanWalkIndoors);
        Assert.False(request.Incomes![0].Regular);
        Assert.Equal(120.5m, request.Incomes[0].MonthlyAmount);
        Assert.Equal("350521195504020070", request.Incomes[0].MemberResidentId);
        Assert.Equal(1, request.Property!.Dwellings);
        Assert.Equal("medical", request.Expenditures![0].Kind);
        Assert.Equal("13800138000", request.Contact!.Phone);
        Assert.True(request.ConsentToEconomicVerification);
        Assert.Equal("institutional", request.Tekun!.Placement);
        Assert.Equal(2, request.Temporary!.Instalments);
    }
}
