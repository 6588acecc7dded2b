using System.Security.Cryptography;
using Vivido.Core.Storage;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Behaviour specific to PostgreSQL: what it cannot store is refused as bad input, with nothing written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServerFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    [Fact]
    public async Task RegisterImageAsync_ActorWithNulCharacter_ThrowsArgumentExceptionAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => store.RegisterImageAsync(
            new ImageRegistration(ReplicaSet.Digest(1), "team/app", "Building", ["latest"], NoParams, "ci\0bot", T0)));

        error.Message.ShouldContain("NUL");
        (await store.CountRowsAsync()).Values.ShouldAllBe(count => count == 0);
        (await store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 0, null));
    }

    [Fact]
    public async Task MoveTagAsync_TagTooLongToIndex_ThrowsArgumentExceptionAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        await store.RegisterImageAsync(new ImageRegistration(ReplicaSet.Digest(1), "team/app", "Building", [], NoParams, "ci", T0));
        var before = await store.CountRowsAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => store.MoveTagAsync(
            new TagMoveRequest("team/app", Convert.ToHexString(RandomNumberGenerator.GetBytes(10_000)), ReplicaSet.Digest(1), "ci", T0)));

        error.Message.ShouldContain("too long");
        (await store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RecordApprovalAsync_WhileTheChainHeadIsLocked_DoesNotWait()
    {
        await using var store = await CreateStoreAsync();
        var image = (await store.RegisterImageAsync(new ImageRegistration(ReplicaSet.Digest(1), "team/app", "A", [], NoParams, "ci", T0))).Image;

        // A transaction holding the chain head: commits queue behind it, approvals (like evidence and tags) do not.
        await using var holder = new Npgsql.NpgsqlConnection(store.Database.Source.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockHead = new Npgsql.NpgsqlCommand("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE", holder, transaction))
        {
            await lockHead.ExecuteScalarAsync();
        }

        var commit = store.CommitTransitionAsync(new TransitionCommit(image.Digest, image.Version, "A", "B", "flip", "ci", null, NoParams, T0));
        var attached = await store.RecordApprovalAsync(new ApprovalRecord(image.Digest, "carol", "release-manager", null, T0));
        var commitWaited = !commit.IsCompleted;
        await transaction.RollbackAsync();

        attached.ShouldBeTrue();
        commitWaited.ShouldBeTrue();
        (await commit).ShouldBeOfType<Committed>();
    }

    private async Task<PostgresStore> CreateStoreAsync()
    {
        var store = new PostgresStore(await fixture.CreateDatabaseAsync());
        await store.MigrateAsync();
        return store;
    }
}
