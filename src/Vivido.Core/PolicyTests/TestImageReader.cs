using Vivido.Core.Images;
using Vivido.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.PolicyTests;

/// <summary>Reads a case's <c>image</c>: its state and whatever evidence the case sets; everything else gets a plain default.</summary>
internal sealed class TestImageReader(DiagnosticBag diagnostics, DateTimeOffset now)
{
    public const string DefaultDigest = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    public const string DefaultRepository = "registry.example.com/team/app";

    public ImageSnapshot? Read(YamlNode node)
    {
        var image = MappingReader.Open(node, "'image'", diagnostics,
            "state", "digest", "repository", "version", "enteredStateAt", "tags", "attributes", "vetoed",
            "scan", "sbom", "signature", "provenance", "tests", "approvals", "deployments");
        var state = image?.String("state", required: true);
        if (image is null || state is null)
        {
            return null;
        }

        var facts = new ImageFacts(
            Optional(image, "scan", Scan, "scanner", "critical", "high", "medium", "low", "unknown", "score", "cves", "at"),
            Optional(image, "sbom", m => new SbomFact(Text(m, "format", "cyclonedx"), Count(m, "components"), Time(m, "at")),
                "format", "components", "at"),
            Optional(image, "signature", Signature, "verified", "identity", "verifiedBy", "reason", "at"),
            Optional(image, "provenance", m => new ProvenanceFact(Text(m, "builder", "ci"), Bool(m, "verified", true), Time(m, "at")),
                "builder", "verified", "at"),
            List(image, "tests", m => new TestResultFact(Text(m, "suite", "e2e"), Bool(m, "passed", true), Time(m, "at")), "suite", "passed", "at"),
            List(image, "approvals", m => new ApprovalFact(Text(m, "actor", "someone"), Text(m, "role", "approver"), Text(m, "comment", ""), Time(m, "at")),
                "actor", "role", "comment", "at"),
            List(image, "deployments", Deployment, "environment", "cluster", "namespace", "workload", "status", "firstSeen", "lastSeen"));

        return new ImageSnapshot(
            Text(image, "digest", DefaultDigest),
            Text(image, "repository", DefaultRepository),
            state.Value,
            Int(image, "version", 1),
            Time(image, "enteredStateAt"),
            image.Optional("tags") is { } tags ? YamlValues.Names(tags, "'tags'", diagnostics, allowEmpty: true).Select(t => t.Value).ToList() : [],
            image.Optional("attributes") is { } attributes ? YamlValues.StringMap(attributes, "'attributes'", diagnostics) : new Dictionary<string, string>(),
            Bool(image, "vetoed", false),
            facts);
    }

    private ScanFact Scan(MappingReader m) => new(
        Text(m, "scanner", "trivy"),
        Count(m, "critical"),
        Count(m, "high"),
        Count(m, "medium"),
        Count(m, "low"),
        Count(m, "unknown"),
        m.Optional("score") is { } score ? YamlValues.Double(score, "'score'", diagnostics) ?? 0 : 10.0,
        m.Optional("cves") is { } cves ? YamlValues.Names(cves, "'cves'", diagnostics, allowEmpty: true).Select(c => c.Value).ToList() : [],
        Time(m, "at"));

    private SignatureFact Signature(MappingReader m) => new(
        Bool(m, "verified", true),
        Text(m, "identity", "ci@example.com"),
        Time(m, "at"),
        m.Optional("verifiedBy") is { } keys ? YamlValues.Names(keys, "'verifiedBy'", diagnostics, allowEmpty: true).Select(k => k.Value).ToList() : [],
        m.String("reason", required: false)?.Value);

    private DeploymentFact Deployment(MappingReader m)
    {
        var status = Text(m, "status", "healthy");
        if (!DeploymentStatusNames.TryParse(status, out var parsed))
        {
            diagnostics.Add(m.Optional("status")!, $"unknown deployment status '{status}' (expected {string.Join(", ", DeploymentStatusNames.All)})");
        }

        return new DeploymentFact(
            Text(m, "environment", "staging"), Text(m, "cluster", "cluster-1"), Text(m, "namespace", "default"),
            Text(m, "workload", "app"), parsed, Time(m, "firstSeen"), Time(m, "lastSeen"));
    }

    private T? Optional<T>(MappingReader image, string key, Func<MappingReader, T?> read, params string[] keys)
        where T : class =>
        image.Optional(key) is { } node && MappingReader.Open(node, $"'{key}'", diagnostics, keys) is { } mapping ? read(mapping) : null;

    private List<T> List<T>(MappingReader image, string key, Func<MappingReader, T> read, params string[] keys) =>
        image.Optional(key) is { } node
            ? YamlValues.Sequence(node, $"'{key}'", diagnostics)
                .Select(item => MappingReader.Open(item, $"an item of '{key}'", diagnostics, keys))
                .OfType<MappingReader>()
                .Select(read)
                .ToList()
            : [];

    private string Text(MappingReader m, string key, string fallback) => m.String(key, required: false)?.Value ?? fallback;

    private long Int(MappingReader m, string key, long fallback) =>
        m.Optional(key) is { } node ? YamlValues.Int(node, $"'{key}'", 0, diagnostics) ?? fallback : fallback;

    private int Count(MappingReader m, string key) => (int)Math.Min(Int(m, key, 0), int.MaxValue);

    private bool Bool(MappingReader m, string key, bool fallback) =>
        m.Optional(key) is { } node ? YamlValues.Bool(node, $"'{key}'", diagnostics) ?? fallback : fallback;

    private DateTimeOffset Time(MappingReader m, string key) =>
        m.Optional(key) is { } node ? YamlValues.Timestamp(node, $"'{key}'", diagnostics) ?? now : now;
}
