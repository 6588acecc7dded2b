using Vivido.Cel;
using Vivido.Core.Images;

namespace Vivido.Core.Engine;

/// <summary>
/// The CEL variables guards see (<c>image</c>, <c>event</c>, <c>repository</c>, <c>now</c>), built once
/// per decision. The shape is a contract documented in docs/lifecycle.md.
/// </summary>
internal sealed class GuardContext : ICelActivation
{
    private readonly CelValue _image;
    private readonly CelValue _event;
    private readonly CelValue _repository;
    private readonly CelValue _now;

    private GuardContext(CelValue image, CelValue eventValue, CelValue repository, CelValue now)
    {
        _image = image;
        _event = eventValue;
        _repository = repository;
        _now = now;
    }

    public static GuardContext Create(ImageSnapshot image, TransitionRequest request, RepositoryContext repository, DateTimeOffset now) =>
        new(Image(image), Event(request), Repository(repository), CelValue.Timestamp(now));

    public bool TryResolve(string name, out CelValue value)
    {
        value = name switch
        {
            "image" => _image,
            "event" => _event,
            "repository" => _repository,
            "now" => _now,
            _ => default,
        };
        return name is "image" or "event" or "repository" or "now";
    }

    private static CelValue Image(ImageSnapshot image)
    {
        var facts = image.Facts;
        return new CelRecord()
            .Add("digest", CelValue.String(image.Digest))
            .Add("repository", CelValue.String(image.Repository))
            .Add("state", CelValue.String(image.State))
            .Add("version", CelValue.Int(image.Version))
            .Add("enteredStateAt", CelValue.Timestamp(image.EnteredStateAt))
            .Add("tags", Strings(image.Tags))
            .Add("attributes", CelRecord.Strings(image.Attributes))
            .Add("vetoed", CelValue.Bool(image.Vetoed))
            .AddIfPresent("scan", facts.Scan, Scan)
            .Add("sbom", Sbom(facts.Sbom))
            .AddIfPresent("signature", facts.Signature, s => new CelRecord()
                .Add("verified", CelValue.Bool(s.Verified))
                .Add("identity", CelValue.String(s.Identity))
                .Add("verifiedBy", Strings(s.VerifiedBy ?? []))
                .Add("reason", CelValue.String(s.Reason ?? ""))
                .Add("at", CelValue.Timestamp(s.At)).ToValue())
            .AddIfPresent("provenance", facts.Provenance, p => new CelRecord()
                .Add("builder", CelValue.String(p.Builder))
                .Add("sourceRepo", CelValue.String(p.SourceRepo ?? ""))
                .Add("buildType", CelValue.String(p.BuildType ?? ""))
                .Add("verified", CelValue.Bool(p.Verified))
                .Add("at", CelValue.Timestamp(p.At)).ToValue())
            .Add("tests", List(facts.Tests, t => new CelRecord()
                .Add("suite", CelValue.String(t.Suite))
                .Add("passed", CelValue.Bool(t.Passed))
                .Add("at", CelValue.Timestamp(t.At))))
            .Add("approvals", List(facts.Approvals, a => new CelRecord()
                .Add("actor", CelValue.String(a.Actor))
                .Add("role", CelValue.String(a.Role))
                .Add("comment", CelValue.String(a.Comment ?? ""))
                .Add("at", CelValue.Timestamp(a.At))))
            .Add("deployments", List(facts.Deployments, Deployment))
            .ToValue();
    }

    /// <summary>Always present, so <c>image.sbom.present</c> reads false rather than failing when there is none.</summary>
    private static CelValue Sbom(SbomFact? sbom) => new CelRecord()
        .Add("present", CelValue.Bool(sbom is not null))
        .Add("format", CelValue.String(sbom?.Format ?? ""))
        .Add("components", CelValue.Int(sbom?.Components ?? 0))
        .AddIfPresent("at", sbom, s => CelValue.Timestamp(s.At))
        .ToValue();

    private static CelValue Scan(ScanFact scan) => new CelRecord()
        .Add("scanner", CelValue.String(scan.Scanner))
        .Add("critical", CelValue.Int(scan.Critical))
        .Add("high", CelValue.Int(scan.High))
        .Add("medium", CelValue.Int(scan.Medium))
        .Add("low", CelValue.Int(scan.Low))
        .Add("unknown", CelValue.Int(scan.Unknown))
        .Add("score", CelValue.Double(scan.Score))
        .Add("cves", Strings(scan.Cves))
        .Add("scannedAt", CelValue.Timestamp(scan.ScannedAt ?? scan.At))
        .Add("at", CelValue.Timestamp(scan.At))
        .ToValue();

    private static CelRecord Deployment(DeploymentFact d) => new CelRecord()
        .Add("environment", CelValue.String(d.Environment))
        .Add("cluster", CelValue.String(d.Cluster))
        .Add("namespace", CelValue.String(d.Namespace))
        .Add("workload", CelValue.String(d.Workload))
        .Add("status", CelValue.String(DeploymentStatusNames.Name(d.Status)))
        .Add("firstSeen", CelValue.Timestamp(d.FirstSeen))
        .Add("lastSeen", CelValue.Timestamp(d.LastSeen));

    private static CelValue Event(TransitionRequest request) => new CelRecord()
        .Add("name", CelValue.String(request.Event))
        .Add("actor", CelValue.String(request.Actor.Name))
        .Add("roles", Strings(request.Actor.Roles))
        .Add("reason", CelValue.String(request.Reason ?? ""))
        .Add("params", CelRecord.Strings(request.Params))
        .ToValue();

    private static CelValue Repository(RepositoryContext repository) => new CelRecord()
        .Add("name", CelValue.String(repository.Name))
        .Add("active", Strings(repository.ActiveDigests))
        .Add("deprecated", Strings(repository.DeprecatedDigests))
        .ToValue();

    private static CelValue Strings(IReadOnlyList<string> items) => CelValue.List(items.Select(CelValue.String).ToArray());

    private static CelValue List<T>(IReadOnlyList<T> items, Func<T, CelRecord> convert) =>
        CelValue.List(items.Select(item => convert(item).ToValue()).ToArray());
}
