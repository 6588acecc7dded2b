using Vivido.Core.Engine;
using Vivido.Core.Images;

namespace Vivido.Core.Tests.Support;

/// <summary>Builders for engine inputs with plain defaults.</summary>
internal static class TestImages
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    public static ImageSnapshot In(string state, ImageFacts? facts = null, bool vetoed = false, DateTimeOffset? enteredAt = null) =>
        new(Digest, "registry.example.com/team/app", state, 1, enteredAt ?? Now.AddDays(-1), ["v1"],
            new Dictionary<string, string> { ["arch"] = "amd64" }, vetoed, facts ?? ImageFacts.None);

    public static ScanFact CleanScan(DateTimeOffset? at = null, int critical = 0, double score = 9.5) =>
        new("trivy", critical, 1, 2, 3, 0, score, ["CVE-2024-0001"], at ?? Now.AddHours(-1));

    public static ImageFacts WithScan(ScanFact scan) => ImageFacts.None with { Scan = scan };

    public static TransitionRequest Request(string eventName, string[]? roles = null, Dictionary<string, string>? parameters = null) =>
        new(eventName, new Actor("alice", roles ?? ["ci"]), "test", parameters ?? []);

    public static RepositoryContext Repository() => new("registry.example.com/team/app", [], []);

    public static DeploymentFact Deployment(string environment, DeploymentStatus status) =>
        new(environment, "eu-1", environment, "app", status, Now.AddDays(-2), Now);
}
