using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task ListImagesAsync_StateAndRepository_ReturnsOnlyMatchesInRegistrationOrder()
    {
        await WalkAsync(Digest(1), "team/app", "Building", "Active");
        await WalkAsync(Digest(2), "team/app", "Building");
        await WalkAsync(Digest(3), "other/app", "Building", "Active");
        await WalkAsync(Digest(4), "team/app", "Building", "Active");

        var page = await Store.ListImagesAsync(new ImageQuery(State: "Active", Repository: "team/app"));

        page.Items.Select(i => i.Digest).ShouldBe([Digest(1), Digest(4)]);
        page.NextCursor.ShouldBeNull();
        (await Store.ListImagesAsync(new ImageQuery(Repository: "other/app"))).Items.Select(i => i.Digest).ShouldBe([Digest(3)]);
        (await Store.ListImagesAsync(new ImageQuery(State: "Building"))).Items.Select(i => i.Digest).ShouldBe([Digest(2)]);
        (await Store.ListImagesAsync(new ImageQuery())).Items.Count.ShouldBe(4);
        (await Store.ListImagesAsync(new ImageQuery(State: "Nope"))).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListImagesAsync_Tag_ReturnsImagesTheTagPointsAtWithTheirTags()
    {
        await RegisterAsync(Digest(1), "team/app", "Building", T0, "latest", "v1");
        await RegisterAsync(Digest(2), "team/app", "Building", T0, "v2");
        await RegisterAsync(Digest(3), "other/app", "Building", T0, "latest");

        var page = await Store.ListImagesAsync(new ImageQuery(Tag: "latest"));

        page.Items.Select(i => (i.Digest, string.Join(",", i.Tags))).ShouldBe([(Digest(1), "latest,v1"), (Digest(3), "latest")]);
        (await Store.ListImagesAsync(new ImageQuery(Tag: "latest", Repository: "team/app"))).Items.Select(i => i.Digest).ShouldBe([Digest(1)]);
    }

    [Fact]
    public async Task ListImagesAsync_InStateLongerThan_ReturnsImagesThatEnteredTheirStateBeforeTheCutoff()
    {
        await RegisterAsync(Digest(1), at: T0);
        await RegisterAsync(Digest(2), at: T0.AddDays(10));
        await RegisterAsync(Digest(3), at: T0.AddDays(20));

        var page = await Store.ListImagesAsync(new ImageQuery(State: "Building", InStateLongerThan: TimeSpan.FromDays(30), Now: T0.AddDays(40)));

        page.Items.Select(i => i.Digest).ShouldBe([Digest(1), Digest(2)]);
        await Should.ThrowAsync<ArgumentException>(() => Store.ListImagesAsync(new ImageQuery(InStateLongerThan: TimeSpan.FromDays(1))));
    }

    [Fact]
    public async Task ListImagesAsync_CursorPaging_VisitsEveryImageOnceWithoutGaps()
    {
        for (var i = 1; i <= 23; i++)
        {
            await RegisterAsync(Digest(i), i % 2 == 0 ? "team/app" : "other/app");
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListImagesAsync(new ImageQuery(Limit: 5, Cursor: cursor));
            page.Items.Count.ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(page.Items.Select(i => i.Digest));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(5);
        seen.ShouldBe(Enumerable.Range(1, 23).Select(Digest));
        var filtered = await Store.ListImagesAsync(new ImageQuery(Repository: "team/app", Limit: 11));
        filtered.Items.Count.ShouldBe(11);
        filtered.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task ListImagesAsync_CursorWhileImagesAreAdded_ContinuesAfterTheLastSeen()
    {
        for (var i = 1; i <= 4; i++)
        {
            await RegisterAsync(Digest(i));
        }

        var first = await Store.ListImagesAsync(new ImageQuery(Limit: 2));
        await RegisterAsync(Digest(5));
        var second = await Store.ListImagesAsync(new ImageQuery(Limit: 10, Cursor: first.NextCursor));

        first.Items.Select(i => i.Digest).Concat(second.Items.Select(i => i.Digest)).ShouldBe(Enumerable.Range(1, 5).Select(Digest));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("eHl6")]
    [InlineData("")]
    public async Task ListImagesAsync_MalformedCursor_ThrowsArgumentException(string cursor)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.ListImagesAsync(new ImageQuery(Cursor: cursor)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task ListImagesAsync_LimitOutOfRange_ThrowsArgumentException(int limit)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.ListImagesAsync(new ImageQuery(Limit: limit)));
    }
}
