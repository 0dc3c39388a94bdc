using System.Text.Json.Nodes;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;

namespace Relief.Domain.Tests.Builders;

/// <summary>Policy files written in tests: a complete valid file that a test can alter before parsing.</summary>
internal static class TestPolicies
{
    public const string BaseJson = """
    {
      "jurisdiction": "testville",
      "name": "Testville",
      "versions": [
        {
          "effectiveFrom": "2024-01-01",
          "minimumWage": 2000,
          "dibao": {
            "standards": [ { "areas": [ "*" ], "urban": 800, "rural": 600 } ],
            "benefitMode": "difference",
            "propertyLimits": { "financialAssetsPerCapitaMonths": 24, "maxVehicles": 0, "maxDwellings": 1 },
            "deductRigidExpenditure": false,
            "notCountedIncomeKinds": [ "scholarship", "socialAssistance" ],
            "singlePerson": { "incomeThresholdMultiple": 1.5, "minimumShareOfStandard": 0 },
            "marginalMultiple": 1.5,
            "gradualExitMonths": 3,
            "review": { "stableMonths": 12, "irregularMonths": 6 }
          },
          "tekun": {
            "basicMultipleOfDibaoStandard": 1.3,
            "careSharesOfMinimumWage": { "selfCare": 0.1, "partialCare": 0.25, "fullCare": 0.5 },
            "institutionalMultiple": 1.5,
            "minorAgeLimit": 18,
            "elderlyAge": 60,
            "reviewMonths": 12
          },
          "temporary": { "bandShare": 0.25, "yearlyCapPerHousehold": 30000, "smallAdvanceLimit": 1000, "advanceReliefHours": 24 },
          "rigidExpenditureHousehold": { "effectiveFrom": "2025-01-01", "perCapitaDisposableIncomeLastYear": 40000, "expenditureToIncomeRatio": 0.5, "validityMonths": 12 },
          "procedure": { "investigationStartWorkingDays": 3, "countyDecisionWorkingDays": 10, "overallWorkingDays": 30, "extendedWorkingDays": 45, "publicNoticeDays": 7 }
        }
      ]
    }
    """;

    /// <summary>The base file after <paramref name="alter"/> changed its first version.</summary>
    public static string Json(Action<JsonObject>? alter = null)
    {
        JsonObject root = JsonNode.Parse(BaseJson)!.AsObject();
        alter?.Invoke(root["versions"]![0]!.AsObject());
        return root.ToJsonString();
    }

    public static JsonObject Dibao(JsonObject version) => version["dibao"]!.AsObject();

    public static PolicyParameters Parse(Action<JsonObject>? alter = null, DateOnly? date = null)
    {
        JurisdictionPolicy policy = PolicyFileParser.Parse("testville.json", Json(alter));
        return new PolicyCatalog([policy]).Find(JurisdictionCode.Parse("testville"), date ?? new DateOnly(2025, 6, 1)).GetOrThrow();
    }

    /// <summary>A tier-mode policy: below 1/3 of the standard 100%, below 2/3 70%, below the standard 40%.</summary>
    public static PolicyParameters Tiered() => Parse(v =>
    {
        JsonObject d = Dibao(v);
        d["benefitMode"] = "tiers";
        d["tiers"] = JsonNode.Parse("""
            [ { "name": "A", "incomeBelowShareOfStandard": 0.3333, "benefitShareOfStandard": 1.0 },
              { "name": "B", "incomeBelowShareOfStandard": 0.6667, "benefitShareOfStandard": 0.7 },
              { "name": "C", "incomeBelowShareOfStandard": 1.0, "benefitShareOfStandard": 0.4 } ]
            """);
    });
}
