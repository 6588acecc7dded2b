using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Engine;

public class TransitionEngineTests
{
    private readonly ManualTimeProvider _time = new(TestImages.Now);
    private readonly TransitionEngine _engine;

    public TransitionEngineTests() => _engine = new TransitionEngine(LifecycleLoader.LoadDefault(), _time);

    [Fact]
    public void Decide_CleanScan_AcceptsIntoScanned()
    {
        var accepted = Decide(TestImages.In("Building", TestImages.WithScan(TestImages.CleanScan())), "scan_passed").ShouldBeOfType<Accepted>();

        (accepted.From, accepted.To, accepted.Event).ShouldBe(("Building", "Scanned", "scan_passed"));
        accepted.Effects.ShouldBeEmpty();
    }

    [Fact]
    public void Decide_NoScan_RejectsNamingOnlyTheMissingScan() =>
        UnmetNames(Decide(TestImages.In("Building"), "scan_passed")).ShouldBe(["scan-present"]);

    [Fact]
    public void Decide_CriticalFindingsAndLowScore_NamesEveryUnmetGuard()
    {
        var image = TestImages.In("Building", TestImages.WithScan(TestImages.CleanScan(critical: 2, score: 4.0)));

        var rejected = Decide(image, "scan_passed").ShouldBeOfType<Rejected>();

        rejected.From.ShouldBe("Building");
        rejected.Event.ShouldBe("scan_passed");
        rejected.Unmet.ShouldBe(
        [
            new UnmetGuard("no-critical-findings", "the scan reports critical findings", null),
            new UnmetGuard("scan-score", "the scan score is below 9.0", null),
        ]);
    }

    [Fact]
    public void Decide_EventNotFromState_IsNotAllowedAndListsAllowedEvents()
    {
        var decision = Decide(TestImages.In("Scanned"), "promote").ShouldBeOfType<NotAllowed>();

        decision.AllowedEvents.ShouldBe(["staged", "expire", "quarantine"]);
    }

    [Theory]
    [InlineData("Retired")]
    [InlineData("Failed")]
    [InlineData("NotAState")]
    public void Decide_TerminalOrUnknownState_IsNotAllowedWithNoEvents(string state) =>
        Decide(TestImages.In(state), "quarantine").ShouldBeOfType<NotAllowed>().AllowedEvents.ShouldBeEmpty();

    [Fact]
    public void Decide_Promote_AcceptedWithSupersedeEffect()
    {
        var facts = ImageFacts.None with
        {
            Tests = [new TestResultFact("e2e", true, TestImages.Now)],
            Approvals = [new ApprovalFact("rita", "release-manager", null, TestImages.Now)],
        };

        var accepted = Decide(TestImages.In("Staged", facts), "promote").ShouldBeOfType<Accepted>();

        accepted.To.ShouldBe("Active");
        accepted.Effects.ShouldBe([new SupersedeEffect("superseded"), new NotifyEffect("image.promoted")]);
    }

    [Fact]
    public void Decide_RollbackAfterClockPassesSevenDays_NeedsExplicitAcceptance()
    {
        var image = TestImages.In("Deprecated", TestImages.WithScan(TestImages.CleanScan(TestImages.Now)));
        Decide(image, "rollback").ShouldBeOfType<Accepted>();

        _time.Advance(TimeSpan.FromDays(7));

        UnmetNames(Decide(image, "rollback")).ShouldBe(["fresh-scan-or-accepted"]);
        Decide(image, "rollback", parameters: new() { ["acceptStaleScan"] = "true" }).ShouldBeOfType<Accepted>().To.ShouldBe("Active");
    }

    [Fact]
    public void Decide_VetoedRollback_IsRejectedEvenWhenStaleScanAccepted() =>
        UnmetNames(Decide(TestImages.In("Deprecated", vetoed: true), "rollback", parameters: new() { ["acceptStaleScan"] = "true" }))
            .ShouldBe(["not-vetoed"]);

    [Fact]
    public void Decide_AdoptWithoutTarget_RejectsWithTargetEntry()
    {
        var rejected = Decide(TestImages.In("Unknown"), "adopt", ["admin"]).ShouldBeOfType<Rejected>();

        rejected.Unmet.ShouldHaveSingleItem().ShouldBe(
            new UnmetGuard("target", "choose the target state with the parameter 'to': one of Active, Deprecated, Retired", null));
    }

    [Fact]
    public void Decide_AdoptWithTarget_AcceptsIntoThatTarget() =>
        Decide(TestImages.In("Unknown"), "adopt", ["admin"], new() { ["to"] = "Deprecated" })
            .ShouldBeOfType<Accepted>().To.ShouldBe("Deprecated");

    [Fact]
    public void Decide_AdoptByNonAdminToWrongTarget_NamesGuardAndTarget()
    {
        var rejected = Decide(TestImages.In("Unknown"), "adopt", ["ci"], new() { ["to"] = "Building" }).ShouldBeOfType<Rejected>();

        rejected.Unmet.Select(u => u.Name).ShouldBe(["admin-review", "target"]);
        rejected.Unmet[1].Message.ShouldBe("'Building' is not a target of 'adopt': choose one of Active, Deprecated, Retired");
    }

    [Fact]
    public void Decide_TargetParamNamingTheOnlyTarget_IsAccepted() =>
        Decide(TestImages.In("Building", TestImages.WithScan(TestImages.CleanScan())), "scan_passed", parameters: new() { ["to"] = "Scanned" })
            .ShouldBeOfType<Accepted>();

    [Fact]
    public void Decide_GuardEvaluatingToAnErrorOrNonBool_IsUnmetWithTheErrorText()
    {
        var yaml = "apiVersion: vivido.dev/v1\nkind: Lifecycle\nmetadata: { name: t }\n" +
            "states:\n  - { name: A, initial: true }\n  - { name: B }\n" +
            "transitions:\n  - event: go\n    from: A\n    to: B\n    guards:\n" +
            "      - { name: missing-key, expr: \"image.attributes.color == 'red'\", message: m1 }\n" +
            "      - { name: not-bool, expr: \"1 + 1\", message: m2 }\n" +
            "      - { name: holds, expr: \"true\", message: m3 }\n";
        var engine = new TransitionEngine(LifecycleLoader.Load(yaml, "t.yaml").Lifecycle!, _time);

        var rejected = engine.Decide(TestImages.In("A"), TestImages.Request("go"), TestImages.Repository()).ShouldBeOfType<Rejected>();

        rejected.Unmet.Select(u => u.Name).ShouldBe(["missing-key", "not-bool"]);
        rejected.Unmet[0].Error.ShouldNotBeNullOrWhiteSpace();
        rejected.Unmet[0].Error!.ShouldContain("color");
        rejected.Unmet[1].Error.ShouldBe("the guard returned int, not bool");
    }

    [Theory]
    [InlineData("Building")]
    [InlineData("Active")]
    [InlineData("Unknown")]
    public void Decide_QuarantineOfVetoedImage_AcceptedFromAnyNonTerminalState(string state) =>
        Decide(TestImages.In(state, vetoed: true), "quarantine").ShouldBeOfType<Accepted>().To.ShouldBe("Quarantined");

    [Fact]
    public void Decide_ReleaseWithScanOlderThanQuarantine_IsRejected()
    {
        var image = TestImages.In("Quarantined", TestImages.WithScan(TestImages.CleanScan(TestImages.Now.AddDays(-2))), enteredAt: TestImages.Now.AddDays(-1));

        UnmetNames(Decide(image, "release")).ShouldBe(["clean-scan-after-quarantine"]);
        Decide(image with { Facts = TestImages.WithScan(TestImages.CleanScan(TestImages.Now)) }, "release")
            .ShouldBeOfType<Accepted>().To.ShouldBe("Scanned");
    }

    [Fact]
    public void Decide_RetireWhileRunning_IsRejected()
    {
        var running = TestImages.In("Deprecated", ImageFacts.None with { Deployments = [TestImages.Deployment("prod", DeploymentStatus.Healthy)] });
        var stopped = TestImages.In("Deprecated", ImageFacts.None with { Deployments = [TestImages.Deployment("prod", DeploymentStatus.Stopped)] });

        UnmetNames(Decide(running, "retire")).ShouldBe(["running-nowhere"]);
        Decide(stopped, "retire").ShouldBeOfType<Accepted>();
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new TransitionEngine(null!, _time));
        Should.Throw<ArgumentNullException>(() => new TransitionEngine(LifecycleLoader.LoadDefault(), null!));
    }

    private Decision Decide(ImageSnapshot image, string eventName, string[]? roles = null, Dictionary<string, string>? parameters = null) =>
        _engine.Decide(image, TestImages.Request(eventName, roles, parameters), TestImages.Repository());

    private static IEnumerable<string> UnmetNames(Decision decision) =>
        decision.ShouldBeOfType<Rejected>().Unmet.Select(u => u.Name);
}
