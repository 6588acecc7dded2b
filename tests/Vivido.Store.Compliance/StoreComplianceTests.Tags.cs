using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task MoveTagAsync_ExistingTag_RecordsFromAndToAndRepointsTheTag()
    {
        await RegisterAsync(Digest(1), "team/app", "Building", T0, "latest");
        var second = await RegisterAsync(Digest(2), "team/app");

        var move = (await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(2), "deployer", T0.AddHours(1)))).ShouldNotBeNull();

        move.ShouldBe(new TagMove(move.Id, "team/app", "latest", Digest(1), Digest(2), "deployer", T0.AddHours(1)));
        (await Store.LoadImageAsync(Digest(1)))!.Tags.ShouldBeEmpty();
        (await Store.LoadImageAsync(Digest(2)))!.Tags.ShouldBe(["latest"]);
        (await Store.LoadImageAsync(Digest(2)))!.Version.ShouldBe(second.Version);
        (await Store.ListTagsAsync("team/app")).ShouldBe([new TagRecord("team/app", "latest", Digest(2), T0.AddHours(1), "deployer")]);
    }

    [Fact]
    public async Task MoveTagAsync_DigestOfAnotherRepositoryOrUnknown_ReturnsNullAndWritesNothing()
    {
        await RegisterAsync(Digest(1), "team/app");
        var counts = await Store.CountRowsAsync();

        (await Store.MoveTagAsync(new TagMoveRequest("other/app", "latest", Digest(1), "deployer", T0))).ShouldBeNull();
        (await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(5), "deployer", T0))).ShouldBeNull();

        (await Store.CountRowsAsync()).ShouldBe(counts);
    }

    [Fact]
    public async Task ReadTagHistoryAsync_RepositoryAndTag_ReturnsItsMovesOldestFirst()
    {
        await RegisterAsync(Digest(1), "team/app", "Building", T0, "latest", "stable");
        await RegisterAsync(Digest(2), "team/app");
        await RegisterAsync(Digest(3), "other/app", "Building", T0, "latest");
        await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(2), "a", T0.AddMinutes(1)));
        await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(2), "b", T0.AddMinutes(2)));

        var latest = await Store.ReadTagHistoryAsync("team/app", "latest");

        latest.Select(m => (m.FromDigest, m.ToDigest, m.Actor)).ShouldBe(
        [
            ((string?)null, Digest(1), "ci-bot"),
            (Digest(1), Digest(2), "a"),
            (Digest(2), Digest(2), "b"),
        ]);
        latest.Select(m => m.Id).ShouldBeInOrder();
        (await Store.ReadTagHistoryAsync("team/app", null)).Select(m => m.Tag).Order().ShouldBe(["latest", "latest", "latest", "stable"]);
        (await Store.ListTagsAsync("team/app")).Select(t => (t.Tag, t.Digest)).ShouldBe([("latest", Digest(2)), ("stable", Digest(1))]);
        (await Store.ListTagsAsync("nobody")).ShouldBeEmpty();
    }

    [Fact]
    public async Task FindTagAsync_CurrentTargetOrNull()
    {
        await RegisterAsync(Digest(1));
        await RegisterAsync(Digest(2));
        await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(1), "ci-bot", T0));
        await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(2), "deployer", T0.AddHours(1)));

        (await Store.FindTagAsync("team/app", "latest")).ShouldBe(new TagRecord("team/app", "latest", Digest(2), T0.AddHours(1), "deployer"));
        (await Store.FindTagAsync("team/app", "Latest")).ShouldBeNull();
        (await Store.FindTagAsync("team/app", "stable")).ShouldBeNull();
        (await Store.FindTagAsync("other/app", "latest")).ShouldBeNull();
    }
}
