using System.Globalization;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

/// <summary>A store with at least one row in every <see cref="StoreSchema"/> table, nullable columns both set and null: what copy tests move.</summary>
public static class StoreSeed
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    /// <summary>The digest the seed numbers <paramref name="n"/>; image 1 is Active with a scan (findings) and an SBOM (packages).</summary>
    public static string Digest(int n) => "sha256:" + n.ToString("x64", CultureInfo.InvariantCulture);

    /// <summary>Fills every table of the empty, migrated <paramref name="store"/>.</summary>
    public static async Task SeedEveryTableAsync(IVividoStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var staged = await WalkAsync(store, Digest(1), "Building", "Staged");
        (await store.CommitTransitionAsync(new TransitionCommit(Digest(1), staged.Version, "Staged", "Active", "promote", "release-bot", null, NoParams, T0.AddHours(1))
        {
            Outbox = [new OutboxMessage("image.promoted", "{}")],
            ExclusiveStates = ["Active"],
        })).ShouldBeOfType<Committed>();
        var deprecated = await WalkAsync(store, Digest(2), "Building", "Deprecated");
        await store.RegisterImageAsync(new ImageRegistration(Digest(3), "team/app", "Building", ["v3", "latest"], Attributes, "ci-bot", T0));
        await store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(1), "deployer", T0.AddHours(2)));
        await store.AttachEvidenceAsync(new EvidenceAttachment(
            Digest(1), new ScanFact("trivy", 0, 1, 2, 3, 0, 9.5, ["CVE-2024-0001"], T0), "{\"raw\":true,\"text\":\"é ☕\"}", "application/json", "scanner", T0)
        {
            Findings =
            [
                new VulnerabilityFinding("CVE-2024-0001", "high", 7.5, "musl", "1.2.3", "1.2.4", "pkg:apk/alpine/musl@1.2.3"),
                new VulnerabilityFinding("cve-2024-0002", "low", null, "zlib", null, null, null),
            ],
        });
        await store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), new SbomFact("cyclonedx", 42, T0), null, null, "ci-bot", T0)
        {
            Packages = [new PackageRecord("musl", "1.2.3", "pkg:apk/alpine/musl@1.2.3", "pkg:apk/alpine/musl"), new PackageRecord("local-tool", null, null, null)],
        });
        await store.RecordApprovalAsync(new ApprovalRecord(Digest(1), "carol", "release-manager", null, T0));
        await store.RecordApprovalAsync(new ApprovalRecord(Digest(1), "dave", "qa", "looks good", T0));
        await store.RecordVetoAsync(new VetoRecord(Digest(3), "erin", "CVE found", T0.AddHours(3)));
        await store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "production", "eu-1", "prod-eu", "deployment/app", DeploymentStatus.Healthy, T0));
        await store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "staging", "eu-1", "staging", "deployment/app", DeploymentStatus.Progressing, T0));
        await store.ClaimIdempotencyKeyAsync("ci-bot", "pending-key", "req-p", T0, TimeSpan.FromMinutes(5));
        await store.SaveIdempotentResultAsync(new IdempotentResult("ci-bot", "done-key", "req-d", 201, "{\"ok\":true}", T0));
        await store.CreateTokenAsync(new TokenRecord("reader", TokenHasher.Hash("r"), ["reader"], ["team/*"], T0, "admin"));
        await store.CreateTokenAsync(new TokenRecord("old", TokenHasher.Hash("o"), ["ci"], [], T0, "admin"));
        await store.RevokeTokenAsync("old", T0.AddDays(1));
        await store.RecordOverrideAsync(new OverrideRequest(Digest(2), "Deprecated", "Retired", deprecated.Version, "cleanup", "admin-a", T0));
        var rejected = (await store.RecordOverrideAsync(new OverrideRequest(Digest(2), "Deprecated", "Active", deprecated.Version, "oops", "admin-a", T0)))!;
        await store.RejectOverrideAsync(rejected.Id, "admin-b", "no", T0.AddHours(1));
        await store.AppendRejectionAsync(new RejectionRecord(
            Digest(2), "retire", "vivido:timer", "30d in Deprecated", NoParams, T0.AddDays(40), "{\"unmet\":[{\"name\":\"running-nowhere\"}]}") { TimerEvent = "retire" });
        (await store.RequestRescansAsync(new RescanRequest(["Active"], T0.AddDays(23), T0.AddDays(23), 10, T0.AddDays(30), "rescan.requested")))
            .ShouldHaveSingleItem().Digest.ShouldBe(Digest(1));

        var counts = await store.CountRowsAsync();
        StoreSchema.Tables.ShouldAllBe(t => counts[t.Name] > 0);
    }

    /// <summary>Every row of <paramref name="table"/>, with byte arrays as lowercase hex so rows compare by value.</summary>
    public static async Task<List<object?[]>> ReadAllAsync(IVividoStore store, TransferTable table)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = new List<object?[]>();
        await foreach (var row in store.ReadTableAsync(table))
        {
            rows.Add([.. row.Select(v => v is byte[] bytes ? "bytes:" + Convert.ToHexStringLower(bytes) : v)]);
        }

        return rows;
    }

    /// <summary>Copies every table from <paramref name="source"/> to the empty <paramref name="target"/> and checks both hold the same rows.</summary>
    public static async Task CopyAndCompareAsync(IVividoStore source, IVividoStore target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var table in StoreSchema.Tables)
        {
            var written = await target.WriteTableAsync(table, source.ReadTableAsync(table));

            written.ShouldBe((await source.CountRowsAsync())[table.Name], table.Name);
            var copied = await ReadAllAsync(target, table);
            var original = await ReadAllAsync(source, table);
            copied.Count.ShouldBe(original.Count, table.Name);
            for (var i = 0; i < original.Count; i++)
            {
                copied[i].ShouldBe(original[i], $"{table.Name} row {i}");
            }
        }

        (await target.CountRowsAsync()).ShouldBe(await source.CountRowsAsync());
        (await target.VerifyAuditAsync()).ShouldBe(await source.VerifyAuditAsync());
        (await target.LoadSnapshotAsync(Digest(1))).ShouldNotBeNull().Facts.Scan.ShouldNotBeNull().Scanner.ShouldBe("trivy");
        var evidence = (await source.ListEvidenceAsync(Digest(1), EvidenceKind.Scan)).ShouldHaveSingleItem();
        (await target.ReadRawEvidenceAsync(evidence.Id)).ShouldNotBeNull().Sha256.ShouldBe(evidence.RawSha256);
        (await target.FindVulnerableImagesAsync("CVE-2024-0002", 10)).ShouldHaveSingleItem().Findings.ShouldBe(
            (await source.FindVulnerableImagesAsync("CVE-2024-0002", 10)).ShouldHaveSingleItem().Findings);
        (await target.FindImagesWithPackageAsync("pkg:apk/alpine/musl", "1.2.3", 10)).ShouldHaveSingleItem().Image.Digest.ShouldBe(Digest(1));
        (await target.ReadExposureAsync("team/app", ["Active"])).Sightings.ShouldBe((await source.ReadExposureAsync("team/app", ["Active"])).Sightings);
        (await target.ReadOutboxAsync(0, 100)).ShouldBe(await source.ReadOutboxAsync(0, 100));
    }

    private static readonly IReadOnlyDictionary<string, string> Attributes = new Dictionary<string, string> { ["arch"] = "amd64" };

    private static async Task<ImageRecord> WalkAsync(IVividoStore store, string digest, params string[] states)
    {
        var image = (await store.RegisterImageAsync(new ImageRegistration(digest, "team/app", states[0], [], Attributes, "ci-bot", T0))).Image;
        for (var i = 1; i < states.Length; i++)
        {
            image = (await store.CommitTransitionAsync(new TransitionCommit(digest, image.Version, image.State, states[i], "step", "ci-bot", "because", NoParams, T0.AddMinutes(i))))
                .ShouldBeOfType<Committed>().Image;
        }

        return image;
    }
}
