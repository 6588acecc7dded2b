using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task CreateTokenAsync_Token_StoresTheHashButNeverTheRawToken()
    {
        const string raw = "vvd_raw-secret-token-3f9a1c77e2";
        var token = new TokenRecord("ci-bot", TokenHasher.Hash(raw), ["ci", "reader"], ["team-a/*"], T0, "admin");

        (await Store.CreateTokenAsync(token)).ShouldBeTrue();

        var found = (await Store.FindTokenAsync(TokenHasher.Hash(raw))).ShouldNotBeNull();
        found.ShouldMatch(token);
        (await Store.FindTokenAsync(TokenHasher.Hash("other"))).ShouldBeNull();
        (await StorageContainsAsync(raw)).ShouldBeFalse();
        (await StorageContainsAsync(token.Hash)).ShouldBeTrue();
    }

    [Fact]
    public async Task CreateTokenAsync_NameOfAnUnrevokedToken_ReturnsFalseUntilRevoked()
    {
        (await Store.CreateTokenAsync(new TokenRecord("deployer", TokenHasher.Hash("one"), ["deployer"], [], T0, "admin"))).ShouldBeTrue();

        (await Store.CreateTokenAsync(new TokenRecord("deployer", TokenHasher.Hash("two"), ["deployer"], [], T0, "admin"))).ShouldBeFalse();
        (await Store.CreateTokenAsync(new TokenRecord("other", TokenHasher.Hash("one"), ["deployer"], [], T0, "admin"))).ShouldBeFalse();
        (await Store.RevokeTokenAsync("deployer", T0.AddDays(1))).ShouldBeTrue();
        (await Store.CreateTokenAsync(new TokenRecord("deployer", TokenHasher.Hash("two"), ["deployer"], [], T0.AddDays(1), "admin"))).ShouldBeTrue();
    }

    [Fact]
    public async Task RevokeTokenAsync_Token_IsNoLongerFoundButStillListed()
    {
        await Store.CreateTokenAsync(new TokenRecord("a", TokenHasher.Hash("ta"), ["reader"], [], T0, "admin"));
        await Store.CreateTokenAsync(new TokenRecord("b", TokenHasher.Hash("tb"), ["admin"], [], T0.AddMinutes(1), "admin"));

        (await Store.RevokeTokenAsync("a", T0.AddHours(1))).ShouldBeTrue();

        (await Store.FindTokenAsync(TokenHasher.Hash("ta"))).ShouldBeNull();
        (await Store.FindTokenAsync(TokenHasher.Hash("tb"))).ShouldNotBeNull();
        (await Store.ListTokensAsync()).Select(t => (t.Name, t.RevokedAt)).ShouldBe([("a", (DateTimeOffset?)T0.AddHours(1)), ("b", null)]);
        (await Store.RevokeTokenAsync("a", T0.AddHours(2))).ShouldBeFalse();
        (await Store.RevokeTokenAsync("nobody", T0)).ShouldBeFalse();
    }

    [Fact]
    public void TokenHasher_Hash_IsLowercaseHexSha256()
    {
        TokenHasher.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public async Task SaveIdempotentResultAsync_SameKeyTwice_KeepsTheFirstPerToken()
    {
        var first = new IdempotentResult("ci-bot", "key-1", "req-a", 200, "{\"version\":2}", T0);

        (await Store.SaveIdempotentResultAsync(first)).ShouldBe(first);
        (await Store.SaveIdempotentResultAsync(first with { Status = 409, Body = "{}", RequestHash = "req-b" })).ShouldBe(first);
        var otherToken = first with { TokenName = "deployer", Status = 201 };
        (await Store.SaveIdempotentResultAsync(otherToken)).ShouldBe(otherToken);

        (await Store.FindIdempotentResultAsync("ci-bot", "key-1")).ShouldBe(first);
        (await Store.FindIdempotentResultAsync("deployer", "key-1")).ShouldBe(otherToken);
        (await Store.FindIdempotentResultAsync("ci-bot", "key-2")).ShouldBeNull();
    }

    [Fact]
    public async Task MigrateAsync_AgainOnAMigratedStore_AppliesNothingAndStaysReady()
    {
        await RegisterAsync(Digest(1));

        (await Store.MigrateAsync()).ShouldBeEmpty();

        (await Store.IsReadyAsync()).ShouldBeTrue();
        (await Store.LoadImageAsync(Digest(1))).ShouldNotBeNull();
        Store.Description.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CountRowsAsync_FreshStore_CountsEveryTableAsEmpty()
    {
        var counts = await Store.CountRowsAsync();

        counts.Keys.ShouldBe(
            [
                "approvals", "deployments", "evidence", "history", "idempotency", "image_packages", "images", "outbox", "pending_overrides", "rescan_requests",
                "tag_moves", "tags", "timer_firings", "tokens", "vetoes", "vulnerability_findings", "vulnerability_sightings",
            ],
            ignoreOrder: true);
        counts.Values.ShouldAllBe(v => v == 0);
    }
}
