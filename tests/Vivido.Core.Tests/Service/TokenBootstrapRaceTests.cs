using System.Reflection;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Service;

/// <summary>Replicas starting together on an empty database both try to create the admin token.</summary>
public sealed class TokenBootstrapRaceTests
{
    [Fact]
    public async Task BootstrapAsync_AnotherReplicaStoresTheTokenFirst_ReturnsNullAndKeepsOneToken()
    {
        await using var fixture = await SqliteFixture.CreateAsync();
        var store = OtherReplicaWinsStore.Wrap(fixture.Store);

        var secret = await new TokenService(store, TimeProvider.System).BootstrapAsync("a-configured-secret-of-enough-length");

        secret.ShouldBeNull();
        var tokens = await fixture.Store.ListTokensAsync();
        tokens.Count.ShouldBe(1);
        tokens[0].CreatedBy.ShouldBe("other-replica");
    }

    /// <summary>Answers the first token listing with "none", after another replica's bootstrap token was stored.</summary>
    public class OtherReplicaWinsStore : DispatchProxy
    {
        private IVividoStore? _inner;
        private bool _raced;

        internal static IVividoStore Wrap(IVividoStore inner)
        {
            var proxy = Create<IVividoStore, OtherReplicaWinsStore>();
            ((OtherReplicaWinsStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(ITokenStore.ListTokensAsync) && !_raced)
            {
                _raced = true;
                return RaceAsync();
            }

            return targetMethod.Invoke(_inner, args);
        }

        private async Task<IReadOnlyList<TokenRecord>> RaceAsync()
        {
            var other = new TokenRecord("admin", TokenHasher.Hash("the-other-replicas-secret-123"), [Roles.Admin], [], DateTimeOffset.UnixEpoch, "other-replica");
            (await _inner!.CreateTokenAsync(other)).ShouldBeTrue();
            return [];
        }
    }
}
