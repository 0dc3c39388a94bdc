using System.Text.Json.Nodes;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
using Relief.Domain.Tests.Builders;

namespace Relief.Domain.Tests.Policies;

public class PolicyFileParserTests
{
    [Fact]
    public void Parse_CompleteFile_ReadsEveryParameter()
    {
        PolicyParameters p = TestPolicies.Parse();

        Assert.Equal(800m, p.Dibao.UrbanStandard);
        Assert.Equal(600m, p.Dibao.RuralStandard);
        Assert.Equal(1.5m, p.Dibao.MarginalMultiple);
        Assert.Equal(1.3m, p.Tekun!.BasicMultipleOfDibaoStandard);
        Assert.Equal(30000m, p.Temporary!.YearlyCapPerHousehold);
        Assert.Equal(new DateOnly(2025, 1, 1), p.RigidExpenditureHousehold!.EffectiveFrom);
        Assert.Equal(45, p.Procedure.ExtendedWorkingDays);
    }

    [Fact]
    public void Parse_MissingParameter_FailsNamingFileAndParameter()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v).Remove("marginalMultiple"));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("broken.json", json));

        PolicyLoadError error = Assert.Single(ex.Errors);
        Assert.Equal("broken.json", error.File);
        Assert.Equal("versions[0].dibao.marginalMultiple", error.Parameter);
        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("versions[0].dibao.marginalMultiple", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingNestedParameter_NamesFullPath()
    {
        string json = TestPolicies.Json(v => v["tekun"]!["careSharesOfMinimumWage"]!.AsObject().Remove("fullCare"));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("t.json", json));

        Assert.Equal("versions[0].tekun.careSharesOfMinimumWage.fullCare", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_ShareOutsideDeclaredRange_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v =>
        {
            JsonObject d = TestPolicies.Dibao(v);
            d.Remove("standards");
            d["standardShareOfMinimumWage"] = JsonNode.Parse("""{ "share": 0.50, "min": 0.42, "max": 0.48 }""");
        });

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("taishang.json", json));

        PolicyLoadError error = Assert.Single(ex.Errors);
        Assert.Equal("versions[0].dibao.standardShareOfMinimumWage.share", error.Parameter);
        Assert.Contains("contradictory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BothFixedAndShareStandards_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["standardShareOfMinimumWage"] = JsonNode.Parse("""{ "share": 0.45, "min": 0.42, "max": 0.48 }"""));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Contains(ex.Errors, e => e.Parameter == "versions[0].dibao.standards" && e.Message.Contains("contradictory", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TiersWithDifferenceMode_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["tiers"] = JsonNode.Parse("""[ { "name": "A", "incomeBelowShareOfStandard": 1.0, "benefitShareOfStandard": 0.5 } ]"""));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.tiers", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_TierPayingMoreForHigherIncome_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v =>
        {
            JsonObject d = TestPolicies.Dibao(v);
            d["benefitMode"] = "tiers";
            d["tiers"] = JsonNode.Parse("""
                [ { "name": "A", "incomeBelowShareOfStandard": 0.5, "benefitShareOfStandard": 0.5 },
                  { "name": "B", "incomeBelowShareOfStandard": 1.0, "benefitShareOfStandard": 0.8 } ]
                """);
        });

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.tiers[1].benefitShareOfStandard", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_IrregularReviewLongerThanStable_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["review"] = JsonNode.Parse("""{ "stableMonths": 6, "irregularMonths": 12 }"""));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.review.irregularMonths", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_GradualExitAboveNationalCap_Fails()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["gradualExitMonths"] = 7);

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.gradualExitMonths", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_CountedIncomeKindListedAsNotCounted_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["notCountedIncomeKinds"] = JsonNode.Parse("""[ "wages" ]"""));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.notCountedIncomeKinds[0]", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_AreaWithTwoStandards_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["standards"] = JsonNode.Parse("""
            [ { "areas": [ "a", "b" ], "urban": 700, "rural": 700 }, { "areas": [ "b" ], "urban": 630, "rural": 520 } ]
            """));

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.standards[1].areas[0]", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_ExtendedLimitShorterThanNormal_FailsAsContradictory()
    {
        string json = TestPolicies.Json(v => v["procedure"]!["extendedWorkingDays"] = 20);

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].procedure.extendedWorkingDays", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_NegativeStandard_FailsNamingParameter()
    {
        string json = TestPolicies.Json(v => TestPolicies.Dibao(v)["standards"]![0]!["urban"] = -1);

        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("x.json", json));

        Assert.Equal("versions[0].dibao.standards[0].urban", Assert.Single(ex.Errors).Parameter);
    }

    [Fact]
    public void Parse_NotJson_FailsNamingFile()
    {
        PolicyLoadException ex = Assert.Throws<PolicyLoadException>(() => PolicyFileParser.Parse("garbage.json", "{ not json"));

        Assert.Equal("garbage.json", Assert.Single(ex.Errors).File);
    }
}
