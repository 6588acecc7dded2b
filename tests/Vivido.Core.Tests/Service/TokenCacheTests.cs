using Vivido.Core.Service;
using Vivido.Core.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Core.Tests.Service;

/// <summary>Authenticated tokens are reused for a second; a revocation here takes effect at once, elsewhere within that second.</summary>
public sealed class TokenCacheTests : IAsyncLifetime
{
    private static readonly Caller Admin = new("admin", [Roles.Admin], []);
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Authenticate_RevokedOnThisReplica_RefusedAtOnce()
    {
        var tokens = new TokenService(Store, _time);
        var secret = (await tokens.CreateAsync(Admin, "ci-bot", [Roles.Ci], [])).Value!.Secret;
        (await tokens.AuthenticateAsync(secret)).ShouldNotBeNull();

        (await tokens.RevokeAsync(Admin, "ci-bot")).Succeeded.ShouldBeTrue();

        (await tokens.AuthenticateAsync(secret)).ShouldBeNull();
    }

    [Fact]
    public async Task Authenticate_RevokedByAnotherReplica_RefusedOnceTheCacheLapses()
    {
        var here = new TokenService(Store, _time);
        var elsewhere = new TokenService(Store, _time);
        var secret = (await here.CreateAsync(Admin, "ci-bot", [Roles.Ci], [])).Value!.Secret;
        (await here.AuthenticateAsync(secret)).ShouldNotBeNull().Name.ShouldBe("ci-bot");

        (await elsewhere.RevokeAsync(Admin, "ci-bot")).Succeeded.ShouldBeTrue();
        var withinTheSecond = await here.AuthenticateAsync(secret);
        _time.Advance(TokenService.CacheTtl);
        var after = await here.AuthenticateAsync(secret);

        withinTheSecond.ShouldNotBeNull();
        after.ShouldBeNull();
    }
}
