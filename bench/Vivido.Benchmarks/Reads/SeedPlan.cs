using System.Globalization;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Reads;

/// <summary>
/// What the reads database holds, image by image, following the default lifecycle. Images are
/// registered round-robin across repositories; in each repository the newest are in Building, Scanned
/// and Staged, then three Active, fifty Deprecated, and the older ones Retired (after deprecation or
/// by expiry), Failed or Quarantined. Rejected scan attempts fill the history up to the requested size.
/// </summary>
internal sealed class SeedPlan
{
    public const int ActivePerRepository = 3;
    public const int DeprecatedPerRepository = 50;

    /// <summary>The first registration; times are fixed so a seeded file is reproducible.</summary>
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan RegistrationInterval = TimeSpan.FromMinutes(1);

    private static readonly SeedStep ScanPassed = new("scan_passed", "Building", "Scanned", "scanner", TimeSpan.FromMinutes(10));
    private static readonly SeedStep ScanFailed = new("scan_failed", "Building", "Failed", "scanner", TimeSpan.FromMinutes(10));
    private static readonly SeedStep Staged = new("staged", "Scanned", "Staged", "deployer", TimeSpan.FromHours(1));
    private static readonly SeedStep Promote = new("promote", "Staged", "Active", "release-manager", TimeSpan.FromDays(1));
    private static readonly SeedStep Superseded = new("superseded", "Active", "Deprecated", "release-manager", TimeSpan.FromDays(14));
    private static readonly SeedStep Retire = new("retire", "Deprecated", "Retired", "vivido-timer", TimeSpan.FromDays(44));
    private static readonly SeedStep Quarantine = new("quarantine", "Scanned", "Quarantined", "security", TimeSpan.FromDays(2));

    private static readonly SeedStep[] InBuilding = [];
    private static readonly SeedStep[] InScanned = [ScanPassed];
    private static readonly SeedStep[] InStaged = [ScanPassed, Staged];
    private static readonly SeedStep[] InActive = [ScanPassed, Staged, Promote];
    private static readonly SeedStep[] InDeprecated = [ScanPassed, Staged, Promote, Superseded];
    private static readonly SeedStep[] RetiredAfterDeprecation = [ScanPassed, Staged, Promote, Superseded, Retire];
    private static readonly SeedStep[] ExpiredInBuilding = [Expire("Building")];
    private static readonly SeedStep[] ExpiredInScanned = [ScanPassed, Expire("Scanned")];
    private static readonly SeedStep[] ExpiredInStaged = [ScanPassed, Staged, Expire("Staged")];
    private static readonly SeedStep[] InFailed = [ScanFailed];
    private static readonly SeedStep[] InQuarantine = [ScanPassed, Quarantine];

    public SeedPlan(int images, long history, int repositories)
    {
        if (repositories < 1 || images < repositories)
        {
            throw new BenchUsageException($"--images ({images}) must be at least --repositories ({repositories})");
        }

        Images = images;
        History = history;
        Repositories = repositories;
        long accepted = 0;
        for (var image = 0; image < images; image++)
        {
            accepted += 1 + Path(image).Count;
        }

        Rejections = history - accepted;
        if (Rejections < 0)
        {
            throw new BenchUsageException($"--history must be at least {accepted} for {images} images in {repositories} repositories (their lifecycle paths)");
        }
    }

    public int Images { get; }

    public long History { get; }

    public int Repositories { get; }

    /// <summary>Rejected attempts added to reach <see cref="History"/> entries.</summary>
    public long Rejections { get; }

    public static string Digest(int image) => BenchDigests.ForIndex("vivido-bench-image-", image);

    public static string Repository(int repository) =>
        string.Create(CultureInfo.InvariantCulture, $"registry.example.com/team-{repository % 50:00}/service-{repository:0000}");

    public int RepositoryOf(int image) => image % Repositories;

    public DateTimeOffset RegisteredAt(int image) => Start + (RegistrationInterval * image);

    /// <summary>0 for the newest image of its repository, 1 for the one before, ...</summary>
    public int RankFromNewest(int image)
    {
        var repository = RepositoryOf(image);
        var inRepository = (Images / Repositories) + (repository < Images % Repositories ? 1 : 0);
        return inRepository - 1 - (image / Repositories);
    }

    /// <summary>The image's accepted transitions after registration, oldest first; the last one's target is its state.</summary>
    public IReadOnlyList<SeedStep> Path(int image) => RankFromNewest(image) switch
    {
        0 => InBuilding,
        1 => InScanned,
        2 => InStaged,
        < 3 + ActivePerRepository => InActive,
        < 3 + ActivePerRepository + DeprecatedPerRepository => InDeprecated,
        _ => (image % 10) switch
        {
            < 4 => RetiredAfterDeprecation,
            < 7 => ExpiredInScanned,
            7 => InFailed,
            8 => ExpiredInBuilding,
            _ => image % 3 == 0 ? InQuarantine : ExpiredInStaged,
        },
    };

    public string StateOf(int image) => Path(image) is { Count: > 0 } path ? path[^1].To : "Building";

    /// <summary>How many rejected attempts the image's history holds (spread evenly, the first images take the remainder).</summary>
    public int RejectionsOf(int image) => (int)((Rejections / Images) + (image < Rejections % Images ? 1 : 0));

    /// <summary>Tags of an Active image: a version tag, and <c>latest</c> on the newest Active digest.</summary>
    public IReadOnlyList<string> TagsOf(int image)
    {
        var rank = RankFromNewest(image);
        if (rank is < 3 or >= 3 + ActivePerRepository)
        {
            return [];
        }

        var version = "v1." + (image / Repositories).ToString(CultureInfo.InvariantCulture);
        return rank == 3 ? ["latest", version] : [version];
    }

    private static SeedStep Expire(string from) => new("expire", from, "Retired", "vivido-timer", TimeSpan.FromDays(7));
}
