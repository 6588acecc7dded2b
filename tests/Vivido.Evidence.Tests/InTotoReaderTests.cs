using System.Text;

namespace Vivido.Evidence.Tests;

public sealed class InTotoReaderTests
{
    private const string GeneratorBuilder = "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v1.10.0";
    private const string ExampleRepo = "https://github.com/slsa-framework/example-package";
    private const string ExampleCommit = "d37a7f740ee7404914456f24dcd90e865a0509e8";

    [Fact]
    public void Read_BuildKitStatement_SourceFromConfigSource()
    {
        var provenance = FixtureDocuments.Read<ProvenanceDocument>("provenance", "buildkit-provenance-v0.2.statement.json");

        provenance.Format.ShouldBe(EvidenceFormat.InToto);
        provenance.FormatVersion.ShouldBe("https://in-toto.io/Statement/v0.1");
        provenance.PredicateType.ShouldBe("https://slsa.dev/provenance/v0.2");
        provenance.Subjects.ShouldBe(["sha256:ae01bed04d3f41efa80182824a50345cd1430f4d1a9308eda4369122bd94c85e"]);
        provenance.Builder.ShouldBe(string.Empty);
        provenance.BuildType.ShouldBe("https://mobyproject.org/buildkit@v1");
        provenance.SourceRepo.ShouldBe(ExampleRepo);
        provenance.SourceRevision.ShouldBe(ExampleCommit);
        provenance.Envelope.ShouldBe(Envelope.None);
        provenance.Signatures.ShouldBe(0);
    }

    [Fact]
    public void Read_SlsaGeneratorStatement_BuilderAndSource()
    {
        var provenance = FixtureDocuments.Read<ProvenanceDocument>("provenance", "slsa-github-generator-container-provenance-v0.2.statement.json");

        provenance.Subjects.ShouldBe(["sha256:e0a0a765d690a5104331cfbac88ebbbf01736c1f87aaa3cd455c516a5ea586a5"]);
        provenance.Builder.ShouldBe(GeneratorBuilder);
        provenance.BuildType.ShouldBe("https://github.com/slsa-framework/slsa-github-generator/container@v1");
        provenance.SourceRepo.ShouldBe(ExampleRepo);
        provenance.SourceRevision.ShouldBe(ExampleCommit);
        provenance.Envelope.ShouldBe(Envelope.None);
    }

    [Fact]
    public void Read_SlsaGeneratorDsse_SameStatementOneSignature()
    {
        var provenance = FixtureDocuments.Read<ProvenanceDocument>("provenance", "slsa-github-generator-container-provenance-v0.2.dsse.json");
        var bare = FixtureDocuments.Read<ProvenanceDocument>("provenance", "slsa-github-generator-container-provenance-v0.2.statement.json");

        provenance.ShouldBe(bare with { Envelope = Envelope.Dsse, Signatures = 1 }, new ProvenanceComparer());
    }

    [Fact]
    public void Read_GitHubAttestationBundle_SlsaV1Facts()
    {
        var provenance = FixtureDocuments.Read<ProvenanceDocument>("provenance", "github-artifact-attestation-slsa-v1.sigstore.json");

        provenance.FormatVersion.ShouldBe("https://in-toto.io/Statement/v1");
        provenance.PredicateType.ShouldBe("https://slsa.dev/provenance/v1");
        provenance.Subjects.ShouldBe(["sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25"]);
        provenance.Builder.ShouldBe("https://github.com/actions/runner/github-hosted");
        provenance.BuildType.ShouldBe("https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1");
        provenance.SourceRepo.ShouldBe("https://github.com/malancas/attest-demo");
        provenance.SourceRevision.ShouldBe("95baf27389e83e6a5c48f42e190d48d7abcea19e");
        provenance.Envelope.ShouldBe(Envelope.SigstoreBundle);
        provenance.Signatures.ShouldBe(1);
    }

    [Fact]
    public void Read_V1WithoutWorkflow_SourceFromGitDependency()
    {
        const string json = """
            {"_type": "https://in-toto.io/Statement/v1", "subject": [], "predicateType": "https://slsa.dev/provenance/v1",
             "predicate": {"buildDefinition": {"buildType": "bt", "resolvedDependencies": [
                {"uri": "pkg:docker/golang@1.21"}, {"uri": "git+https://gitlab.com/g/p.git@refs/heads/main", "digest": {"sha1": "abc"}}]},
               "runDetails": {"builder": {"id": "b"}}}}
            """;

        var provenance = Read(json);

        provenance.SourceRepo.ShouldBe("https://gitlab.com/g/p");
        provenance.SourceRevision.ShouldBe("abc");
    }

    [Fact]
    public void Read_V02WithoutConfigSource_SourceFromFirstGitMaterial()
    {
        const string json = """
            {"_type": "https://in-toto.io/Statement/v0.1", "subject": [{"name": "x", "digest": {"sha256": "zz"}}], "predicateType": "https://slsa.dev/provenance/v0.2",
             "predicate": {"builder": {"id": "b"}, "materials": [{"uri": "pkg:docker/alpine"}, {"uri": "git+https://github.com/o/r@refs/tags/v1", "digest": {"sha1": "123"}}]}}
            """;

        var provenance = Read(json);

        provenance.Subjects.ShouldBeEmpty();
        provenance.BuildType.ShouldBeNull();
        provenance.SourceRepo.ShouldBe("https://github.com/o/r");
        provenance.SourceRevision.ShouldBe("123");
    }

    [Fact]
    public void Read_OtherPredicate_RefusedAsNotProvenance()
    {
        FixtureDocuments.Refusal("""{"_type": "https://in-toto.io/Statement/v1", "subject": [], "predicateType": "https://cyclonedx.org/bom", "predicate": {}}""")
            .ShouldBe("in-toto predicate https://cyclonedx.org/bom is not SLSA provenance");
    }

    [Fact]
    public void Read_DssePayloadNotBase64_Refused()
    {
        FixtureDocuments.Refusal("""{"payloadType": "application/vnd.in-toto+json", "payload": "not base64!", "signatures": []}""")
            .ShouldBe("DSSE payload is not base64");
    }

    [Fact]
    public void Read_DssePayloadNotAStatement_Refused()
    {
        var payload = Convert.ToBase64String("""{"hello": "world"}"""u8);

        FixtureDocuments.Refusal($$"""{"payloadType": "application/vnd.in-toto+json", "payload": "{{payload}}", "signatures": []}""")
            .ShouldBe("DSSE payload is not an in-toto Statement");
    }

    [Fact]
    public void Read_DssePayloadNotJson_RefusedAsInvalidPayload()
    {
        var payload = Convert.ToBase64String("""{"_type": """u8);

        FixtureDocuments.Refusal($$"""{"payloadType": "application/vnd.in-toto+json", "payload": "{{payload}}", "signatures": []}""")
            .ShouldStartWith("the DSSE payload is truncated");
    }

    [Fact]
    public void Read_DsseOtherPayloadType_Refused()
    {
        FixtureDocuments.Refusal("""{"payloadType": "text/plain", "payload": "", "signatures": []}""")
            .ShouldBe("DSSE payloadType text/plain is not application/vnd.in-toto+json");
    }

    [Fact]
    public void Read_BundleWithoutDsseEnvelope_Refused()
    {
        FixtureDocuments.Refusal("""{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json", "messageSignature": {}}""")
            .ShouldStartWith("Sigstore bundle has no dsseEnvelope");
    }

    [Fact]
    public void Read_StatementWithoutBuilder_RefusedNamingThePath()
    {
        FixtureDocuments.Refusal("""{"_type": "https://in-toto.io/Statement/v0.1", "subject": [], "predicateType": "https://slsa.dev/provenance/v0.2", "predicate": {"builder": {}}}""")
            .ShouldBe("in-toto Statement: predicate.builder.id is missing");
    }

    private static ProvenanceDocument Read(string json) =>
        EvidenceReader.Read(Encoding.UTF8.GetBytes(json)).ShouldBeOfType<ProvenanceDocument>();

    /// <summary>Records compare lists by reference; provenance documents are equal when their values are.</summary>
    private sealed class ProvenanceComparer : IEqualityComparer<ProvenanceDocument>
    {
        public bool Equals(ProvenanceDocument? x, ProvenanceDocument? y) =>
            x is not null && y is not null && x.Subjects.SequenceEqual(y.Subjects) && x == (y with { Subjects = x.Subjects });

        public int GetHashCode(ProvenanceDocument obj) => obj.PredicateType.GetHashCode(StringComparison.Ordinal);
    }
}
