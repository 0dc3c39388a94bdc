using Microsoft.Extensions.Options;
using Relief.Cases.Intake;
using Relief.Domain.Policies.Loading;
using Relief.Functions.Tests.Applications;
using Relief.Functions.Workflows;

namespace Relief.Functions.Tests.Workflows;

/// <summary>Pseudonymous beneficiary ids: keyed (HMAC), stable per household, and no key → a start error naming the setting.</summary>
public sealed class BeneficiaryIdentifierTests
{
    private static async Task<ValidatedApplication> ApplicationAsync(ApplicationRequest request)
    {
        var catalog = await PolicyFileLoader.LoadShippedAsync(CancellationToken.None);
        return ApplicationValidator.Validate(request, new DateOnly(2026, 3, 2), catalog).Value!;
    }

    private static readonly string TestKey = Convert.ToBase64String("a-test-key-of-at-least-thirty-two-bytes!"u8.ToArray());

    private static BeneficiaryIdentifier With(string? key) => new(Options.Create(new BeneficiaryIdOptions { Key = key }));

    [Fact]
    public async Task Of_SameHouseholdSameKey_SameId_AnotherKey_AnotherId_NeverTheIdNumber()
    {
        var application = await ApplicationAsync(TestApplications.QingdaoDibao());
        var again = await ApplicationAsync(TestApplications.QingdaoDibao() with { Incomes = [] });
        string otherKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        string id = With(TestKey).Of(application);

        Assert.Matches("^hh-[0-9a-f]{20}$", id);
        Assert.Equal(id, With(TestKey).Of(again));
        Assert.NotEqual(id, With(otherKey).Of(application));
        Assert.DoesNotContain(TestApplications.ApplicantId[..6], id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("not base64!", "is not valid base64")]
    [InlineData("c2hvcnQ=", "at least 32 are required")]
    public void Constructor_MissingOrWeakKey_FailsNamingTheSetting(string? key, string problem)
    {
        var error = Assert.Throws<OptionsValidationException>(() => With(key));

        Assert.Contains("Relief:Cases:Beneficiary:Key", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
