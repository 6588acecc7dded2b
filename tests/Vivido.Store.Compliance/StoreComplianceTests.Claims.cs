using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ClaimIdempotencyKeyAsync_NewKey_ClaimsItAndOthersSeeItInProgress()
    {
        var first = await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-a", T0, AbandonAfter);
        var second = await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-b", T0.AddMinutes(1), AbandonAfter);

        first.ShouldBe(new IdempotencyClaim(IdempotencyOutcome.Claimed, null, "req-a"));
        second.ShouldBe(new IdempotencyClaim(IdempotencyOutcome.InProgress, null, "req-a"));
        (await Store.FindIdempotentResultAsync("ci-bot", "key-1")).ShouldBeNull();
        (await Store.ClaimIdempotencyKeyAsync("deployer", "key-1", "req-c", T0, AbandonAfter)).Outcome.ShouldBe(IdempotencyOutcome.Claimed);
    }

    [Fact]
    public async Task SaveIdempotentResultAsync_ClaimedKey_CompletesItAndClaimsReplayTheResult()
    {
        await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-a", T0, AbandonAfter);
        var result = new IdempotentResult("ci-bot", "key-1", "req-a", 201, "{\"version\":1}", T0.AddSeconds(2));

        (await Store.SaveIdempotentResultAsync(result)).ShouldBe(result);

        (await Store.FindIdempotentResultAsync("ci-bot", "key-1")).ShouldBe(result);
        (await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-b", T0.AddHours(1), AbandonAfter))
            .ShouldBe(new IdempotencyClaim(IdempotencyOutcome.Completed, result, "req-a"));
    }

    [Fact]
    public async Task ClaimIdempotencyKeyAsync_ClaimOlderThanAbandonAfter_IsTakenOver()
    {
        await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-a", T0, AbandonAfter);

        (await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-b", T0.AddMinutes(4), AbandonAfter)).Outcome.ShouldBe(IdempotencyOutcome.InProgress);
        var taken = await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-b", T0.AddMinutes(6), AbandonAfter);

        taken.ShouldBe(new IdempotencyClaim(IdempotencyOutcome.Claimed, null, "req-b"));
        (await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-c", T0.AddMinutes(7), AbandonAfter))
            .ShouldBe(new IdempotencyClaim(IdempotencyOutcome.InProgress, null, "req-b"));
    }

    [Fact]
    public async Task ReleaseIdempotencyKeyAsync_Claim_FreesTheKeyButKeepsCompletedResults()
    {
        await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-a", T0, AbandonAfter);
        var done = new IdempotentResult("ci-bot", "key-2", "req-x", 200, "{}", T0);
        await Store.SaveIdempotentResultAsync(done);

        await Store.ReleaseIdempotencyKeyAsync("ci-bot", "key-1");
        await Store.ReleaseIdempotencyKeyAsync("ci-bot", "key-2");
        await Store.ReleaseIdempotencyKeyAsync("ci-bot", "never-claimed");

        (await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-b", T0.AddSeconds(1), AbandonAfter)).Outcome.ShouldBe(IdempotencyOutcome.Claimed);
        (await Store.FindIdempotentResultAsync("ci-bot", "key-2")).ShouldBe(done);
    }

    [Fact]
    public async Task SaveIdempotentResultAsync_TwoCompletions_FirstWins()
    {
        await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-a", T0, AbandonAfter);
        var first = new IdempotentResult("ci-bot", "key-1", "req-a", 200, "{\"n\":1}", T0.AddSeconds(1));

        await Store.SaveIdempotentResultAsync(first);
        var second = await Store.SaveIdempotentResultAsync(first with { Status = 409, Body = "{\"n\":2}", CreatedAt = T0.AddSeconds(2) });

        second.ShouldBe(first);
        (await Store.FindIdempotentResultAsync("ci-bot", "key-1")).ShouldBe(first);
    }

    [Fact]
    public async Task ClaimIdempotencyKeyAsync_16RequestsAtOnce_ExactlyOneClaims()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Store.ClaimIdempotencyKeyAsync("ci-bot", "key-1", "req-" + i, T0, AbandonAfter);
        })).ToList();
        start.SetResult();
        var claims = await Task.WhenAll(requests);

        var winner = claims.Where(c => c.Outcome == IdempotencyOutcome.Claimed).ShouldHaveSingleItem();
        claims.Where(c => c.Outcome == IdempotencyOutcome.InProgress).ShouldAllBe(c => c.RequestHash == winner.RequestHash);
        claims.Count(c => c.Outcome == IdempotencyOutcome.InProgress).ShouldBe(15);
    }
}
