using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
using Relief.Cases.Tests.Builders;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Policies;

public class PolicyCatalogTests
{
    private static PolicyCatalog TwoVersions()
    {
        string json = TestPolicies.BaseJson.Replace("\"versions\": [", """
            "versions": [
            {
              "effectiveFrom": "2025-07-01",
              "minimumWage": 2100,
              "dibao": {
                "standards": [ { "areas": [ "*" ], "urban": 850, "rural": 650 } ],
                "benefitMode": "difference",
                "propertyLimits": { "financialAssetsPerCapitaMonths": 24, "maxVehicles": 0, "maxDwellings": 1 },
                "deductRigidExpenditure": false,
                "notCountedIncomeKinds": [],
                "singlePerson": { "incomeThresholdMultiple": 1.5, "minimumShareOfStandard": 0 },
                "marginalMultiple": 1.5,
                "gradualExitMonths": 3,
                "review": { "stableMonths": 12, "irregularMonths": 6 }
              },
              "procedure": { "investigationStartWorkingDays": 3, "countyDecisionWorkingDays": 10, "overallWorkingDays": 30, "extendedWorkingDays": 45, "publicNoticeDays": 7 }
            },
            """, StringComparison.Ordinal);
        return new PolicyCatalog([PolicyFileParser.Parse("testville.json", json)]);
    }

    [Theory]
    [InlineData(2024, 1, 1, 800)]
    [InlineData(2025, 6, 30, 800)]
    [InlineData(2025, 7, 1, 850)]
    [InlineData(2030, 1, 1, 850)]
    public void Find_DecisionDate_UsesVersionInForceOnThatDate(int year, int month, int day, int expectedUrban)
    {
        PolicyLookup lookup = TwoVersions().Find(JurisdictionCode.Parse("testville"), new DateOnly(year, month, day));

        Assert.True(lookup.Found);
        Assert.Equal(expectedUrban, lookup.Policy.Dibao.UrbanStandard);
    }

    [Fact]
    public void Find_BeforeFirstVersion_NotFoundWithReason()
    {
        PolicyLookup lookup = TwoVersions().Find(JurisdictionCode.Parse("testville"), new DateOnly(2023, 12, 31));

        Assert.False(lookup.Found);
        Assert.Contains("2024-01-01", lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownJurisdiction_NotFound()
    {
        Assert.False(TwoVersions().Find(JurisdictionCode.Parse("nowhere"), new DateOnly(2025, 1, 1)).Found);
    }

    [Fact]
    public void Find_UnknownQingdaoArea_NotFound()
    {
        PolicyLookup lookup = ShippedData.Catalog.Find(JurisdictionCode.Parse("qingdao/atlantis"), new DateOnly(2024, 1, 1));

        Assert.False(lookup.Found);
        Assert.Contains("atlantis", lookup.Reason, StringComparison.Ordinal);
    }

    // DOMAIN.md § Rules made precise, "Every figure has its own effective date": a version states only what changes;
    // every other figure stays as the earlier version set it, and each keeps its own date.
    [Fact]
    public void Find_LaterVersionChangingOneFigure_OthersCarryOver_EachFigureKeepsItsDate()
    {
        string json = TestPolicies.BaseJson.Replace("""
                  "procedure": { "investigationStartWorkingDays": 3, "countyDecisionWorkingDays": 10, "overallWorkingDays": 30, "extendedWorkingDays": 45, "publicNoticeDays": 7 }
                }
            """, """
                  "procedure": { "investigationStartWorkingDays": 3, "countyDecisionWorkingDays": 10, "overallWorkingDays": 30, "extendedWorkingDays": 45, "publicNoticeDays": 7 }
                },
                { "effectiveFrom": "2025-03-01", "temporary": { "yearlyCapPerHousehold": 40000 } }
            """, StringComparison.Ordinal);
        var catalog = new PolicyCatalog([PolicyFileParser.Parse("testville.json", json)]);

        PolicyParameters before = catalog.Find(JurisdictionCode.Parse("testville"), new DateOnly(2025, 2, 28)).GetOrThrow();
        PolicyParameters after = catalog.Find(JurisdictionCode.Parse("testville"), new DateOnly(2025, 3, 1)).GetOrThrow();

        Assert.Equal(30000m, before.Temporary!.YearlyCapPerHousehold);
        Assert.Equal(40000m, after.Temporary!.YearlyCapPerHousehold);
        Assert.Equal(0.25m, after.Temporary.BandShare);
        Assert.Equal(800m, after.Dibao.UrbanStandard);
        Assert.Equal(new DateOnly(2025, 3, 1), after.InForceSince("temporary.yearlyCapPerHousehold"));
        Assert.Equal(new DateOnly(2024, 1, 1), after.InForceSince("temporary.bandShare"));
        Assert.Equal(new DateOnly(2024, 1, 1), after.InForceSince("dibao"));
    }

    [Fact]
    public void Find_LaterVersionSettingASectionToNull_RemovesIt()
    {
        string json = TestPolicies.BaseJson.Replace("""
                  "procedure": { "investigationStartWorkingDays": 3, "countyDecisionWorkingDays": 10, "overallWorkingDays": 30, "extendedWorkingDays": 45, "publicNoticeDays": 7 }
                }
            """, """
                  "procedure": { "investigationStartWorkingDays": 3, "countyDecisionWorkingDays": 10, "overallWorkingDays": 30, "extendedWorkingDays": 45, "publicNoticeDays": 7 }
                },
                { "effectiveFrom": "2025-03-01", "temporary": null }
            """, StringComparison.Ordinal);
        var catalog = new PolicyCatalog([PolicyFileParser.Parse("testville.json", json)]);

        Assert.NotNull(catalog.Find(JurisdictionCode.Parse("testville"), new DateOnly(2025, 2, 1)).GetOrThrow().Temporary);
        Assert.Null(catalog.Find(JurisdictionCode.Parse("testville"), new DateOnly(2025, 3, 1)).GetOrThrow().Temporary);
    }

    [Fact]
    public void Parse_LatestVersionLeavesARequiredFigureUnset_FailsNamingIt()
    {
        string json = """
            { "jurisdiction": "testville", "name": "Testville", "versions": [
              { "effectiveFrom": "2024-01-01", "temporary": { "bandShare": 0.25, "yearlyCapPerHousehold": 30000, "smallAdvanceLimit": 1000, "advanceReliefHours": 24 } } ] }
            """;

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("testville.json", json));

        Assert.Contains(ex.Errors, e => e.Parameter == "versions[0].minimumWage");
        Assert.Contains(ex.Errors, e => e.Parameter == "versions[0].dibao");
    }

    // Seed 001: "2020年1月1日起，临时救助的年救助金额由2万元提高到3万元" — three months before the 2020-04-01 standards.
    [Fact]
    public void Find_Qingdao_TemporaryCapDated20200101_BeforeTheStandards_NotConfiguredNamingTheParameters()
    {
        PolicyLookup lookup = ShippedData.Catalog.Find(JurisdictionCode.Parse("qingdao/shinan"), new DateOnly(2020, 2, 15));

        Assert.False(lookup.Found);
        Assert.Contains("Not configured for qingdao", lookup.Reason, StringComparison.Ordinal);
        Assert.Contains("dibao", lookup.Reason, StringComparison.Ordinal);
        Assert.Contains("2020-04-01", lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Qingdao_AfterTheStandards_TheCapKeepsItsOwnDate()
    {
        PolicyParameters policy = ShippedData.Catalog.Find(JurisdictionCode.Parse("qingdao/shinan"), new DateOnly(2020, 5, 1)).GetOrThrow();

        Assert.Equal(30000m, policy.Temporary!.YearlyCapPerHousehold);
        Assert.Equal(new DateOnly(2020, 1, 1), policy.InForceSince("temporary.yearlyCapPerHousehold"));
        Assert.Equal(new DateOnly(2020, 4, 1), policy.InForceSince("dibao.standards"));
        Assert.Empty(policy.NationalRules);
    }
}
