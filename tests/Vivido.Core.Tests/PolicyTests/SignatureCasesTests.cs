using Vivido.Core.PolicyTests;

namespace Vivido.Core.Tests.PolicyTests;

/// <summary>Policy test files can give an image's signature the keys that verified it.</summary>
public sealed class SignatureCasesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vivido-signature-cases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void RunFile_VerifiedByKeys_GuardSeesThem()
    {
        var lifecycle = Write("lifecycle.yaml", """
            apiVersion: vivido.dev/v1
            kind: Lifecycle
            metadata: { name: signed }
            states:
              - { name: Building, initial: true }
              - { name: Signed }
            transitions:
              - event: submit
                from: Building
                to: Signed
                guards:
                  - { name: release-signed, expr: 'has(image.signature) && image.signature.verifiedBy.exists(k, k == "release")', message: "needs the release key" }
              - event: waive
                from: Building
                to: Signed
                guards:
                  - { name: only-unsigned, expr: 'image.signature.reason == "no-signature"', message: "only for unsigned images" }
            """);
        var cases = Write("cases.yaml", """
            now: 2026-01-01T00:00:00Z
            cases:
              - { name: release key, image: { state: Building, signature: { verifiedBy: [dev, release] } }, event: submit, expect: { accepted: Signed } }
              - { name: dev key only, image: { state: Building, signature: { verifiedBy: [dev] } }, event: submit, expect: { rejected: [release-signed] } }
              - { name: no keys listed, image: { state: Building, signature: { verified: true } }, event: submit, expect: { rejected: [release-signed] } }
              - { name: reason given, image: { state: Building, signature: { verified: false, reason: no-signature } }, event: waive, expect: { accepted: Signed } }
            """);

        var report = LifecycleTestRunner.RunFile(cases, lifecycle);

        report.Diagnostics.ShouldBeEmpty();
        report.Cases.Select(c => (c.Name, c.Passed)).ShouldBe([("release key", true), ("dev key only", true), ("no keys listed", true), ("reason given", true)]);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
