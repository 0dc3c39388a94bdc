using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
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
}
