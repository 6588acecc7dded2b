using FsCheck;
using FsCheck.Fluent;
using Vivido.Core.Engine;
using Vivido.Core.Images;

namespace Vivido.Core.Tests.Support;

/// <summary>
/// One random step of a property test: how far the clock moves, the event, who fires it, and the
/// evidence the image carries at that moment (sometimes enough for guards to pass, often not).
/// </summary>
internal sealed record RandomStep(
    string Event,
    int AdvanceMinutes,
    int? ScanCritical,
    double ScanScore,
    int ScanAgeHours,
    int TestsMode,
    IReadOnlyList<(string Actor, string Role)> Approvals,
    IReadOnlyList<(string Environment, DeploymentStatus Status)> Deployments,
    bool? SignatureVerified,
    bool Vetoed,
    IReadOnlyList<string> Roles,
    string? Target,
    bool AcceptStaleScan)
{
    private static readonly (string, string)[] ApprovalPool =
        [("alice", "security"), ("bob", "qa"), ("alice", "qa"), ("rita", "release-manager")];

    private static readonly (string, DeploymentStatus)[] DeploymentPool =
    [
        ("staging", DeploymentStatus.Healthy), ("staging", DeploymentStatus.Failed),
        ("production", DeploymentStatus.Healthy), ("production", DeploymentStatus.Degraded), ("production", DeploymentStatus.Stopped),
    ];

    private static readonly string[] RolePool = ["admin", "ci", "security", "qa", "release-manager"];

    public static Gen<RandomStep> Generator(IReadOnlyList<string> events, IReadOnlyList<string> states) =>
        from eventName in Gen.Elements<string>(events.Concat(["bogus", "PROMOTE", "scan-passed"]))
        from advance in Gen.Frequency((3, Gen.Choose(0, 120)), (1, Gen.Choose(0, 60 * 24 * 10)))
        from critical in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Elements<int?>(0, 0, 0, 1)))
        from score in Gen.Elements(5.0, 9.0, 9.8)
        from scanAge in Gen.Choose(0, 24 * 10)
        from testsMode in Gen.Choose(0, 3)
        from approvals in Gen.SubListOf(ApprovalPool)
        from deployments in Gen.SubListOf(DeploymentPool)
        from signature in Gen.Elements<bool?>(null, true, false)
        from vetoed in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from roles in Gen.SubListOf(RolePool)
        from target in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Gen.Elements<string?>(states.ToArray())))
        from acceptStale in Gen.Elements(true, false)
        select new RandomStep(eventName, advance, critical, score, scanAge, testsMode, approvals.ToList(), deployments.ToList(),
            signature, vetoed, roles.ToList(), target, acceptStale);

    public ImageSnapshot Image(string state, long version, DateTimeOffset enteredAt, DateTimeOffset now)
    {
        var scanAt = now.AddHours(-ScanAgeHours);
        var facts = new ImageFacts(
            ScanCritical is { } critical ? new ScanFact("trivy", critical, 0, 0, 0, 0, ScanScore, [], scanAt) : null,
            null,
            SignatureVerified is { } verified ? new SignatureFact(verified, "ci@example.com", scanAt) : null,
            null,
            TestsMode switch
            {
                0 => [],
                1 => [new TestResultFact("e2e", true, scanAt)],
                2 => [new TestResultFact("e2e", false, scanAt)],
                _ => [new TestResultFact("e2e", true, scanAt), new TestResultFact("load", false, scanAt)],
            },
            Approvals.Select(a => new ApprovalFact(a.Actor, a.Role, null, scanAt)).ToList(),
            Deployments.Select(d => new DeploymentFact(d.Environment, "c1", "ns", "app", d.Status, scanAt, now)).ToList());
        return new ImageSnapshot(TestImages.Digest, "registry.example.com/team/app", state, version, enteredAt, [], new Dictionary<string, string>(), Vetoed, facts);
    }

    public TransitionRequest Request()
    {
        var parameters = new Dictionary<string, string>();
        if (Target is not null)
        {
            parameters["to"] = Target;
        }

        if (AcceptStaleScan)
        {
            parameters["acceptStaleScan"] = "true";
        }

        return new TransitionRequest(Event, new Actor("prop", Roles), "property test", parameters);
    }
}
