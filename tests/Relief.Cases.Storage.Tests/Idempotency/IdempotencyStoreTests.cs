using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Relief.Cases.Storage.Idempotency;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Idempotency;

public sealed class IdempotencyStoreTests
{
    private readonly FakeTimeProvider _time = new(TestCases.T0);

    private async Task<IdempotencyStore> NewStoreAsync()
    {
        var store = new IdempotencyStore(await TestStorage.TablesAsync(), Options.Create(new IdempotencyStoreOptions { TableName = UniqueNames.Table("idem") }), _time, NullLogger<IdempotencyStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task ClaimAsync_SameKeyAndBodyTwice_ReturnsTheFirstCase()
    {
        var store = await NewStoreAsync();
        string hash = RequestHash.OfJson(TestCases.Application());

        var first = await store.ClaimAsync("applications", "key-1", hash, "case-a", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var retry = await store.ClaimAsync("applications", "key-1", RequestHash.OfJson(TestCases.Application()), "case-b", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Created, first.Outcome);
        Assert.Equal(IdempotencyOutcome.Replayed, retry.Outcome);
        Assert.Equal("case-a", retry.CaseId);
        Assert.Equal(TestCases.T0, retry.FirstSeenAt);
    }

    [Fact]
    public async Task ClaimAsync_SameKeyOtherBody_IsAConflictNamingTheFirstCase()
    {
        var store = await NewStoreAsync();
        await store.ClaimAsync("applications", "key-1", RequestHash.OfJson(TestCases.Application()), "case-a", CancellationToken.None);

        var other = await store.ClaimAsync("applications", "key-1", RequestHash.OfJson(TestCases.Application() with { Program = "tekun" }), "case-b", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Conflict, other.Outcome);
        Assert.Equal("case-a", other.CaseId);
    }

    [Fact]
    public async Task ClaimAsync_SameKeyInAnotherScope_IsIndependent()
    {
        var store = await NewStoreAsync();
        await store.ClaimAsync("portal-a", "key-1", "h1", "case-a", CancellationToken.None);

        var other = await store.ClaimAsync("portal-b", "key-1", "h2", "case-b", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Created, other.Outcome);
        Assert.Equal("case-b", other.CaseId);
    }

    [Fact]
    public async Task ClaimAsync_ConcurrentClaimsOfOneKey_ExactlyOneCreatesAndAllAgree()
    {
        var store = await NewStoreAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.ClaimAsync("applications", "key/with?odd#chars", "h", $"case-{i}", CancellationToken.None)));

        Assert.Single(claims, c => c.Outcome == IdempotencyOutcome.Created);
        Assert.Single(claims.Select(c => c.CaseId).Distinct());
    }

    [Fact]
    public async Task ClaimAsync_InvalidKey_Throws()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ClaimAsync("applications", "bad\nkey", "h", "case-a", CancellationToken.None));
        Assert.False(IdempotencyStore.IsValidKey(new string('k', 256)));
        Assert.True(IdempotencyStore.IsValidKey("0b6f1c9e-6d0c-4b8e-9a57-4d7f3f8f2a11"));
    }

    [Fact]
    public void OfJson_EqualRequests_HashEqualAndDifferentRequestsDiffer()
    {
        Assert.Equal(RequestHash.OfJson(TestCases.Application()), RequestHash.OfJson(TestCases.Application()));
        Assert.NotEqual(RequestHash.OfJson(TestCases.Application()), RequestHash.OfJson(TestCases.Application() with { Jurisdiction = "liyang" }));
        Assert.Equal(64, RequestHash.Of("{}"u8).Length);
    }
}
