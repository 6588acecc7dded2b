using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>Reads an in-toto Statement (v0.1 or v1) carrying SLSA provenance v0.2 or v1.</summary>
internal static class InTotoReader
{
    public const string Label = "in-toto Statement";

    private const string StatementPrefix = "https://in-toto.io/Statement/";
    private const string SlsaPrefix = "https://slsa.dev/provenance/";
    private const string SlsaV02 = "https://slsa.dev/provenance/v0.2";
    private const string SlsaV1 = "https://slsa.dev/provenance/v1";

    private static readonly string[] Statements = [StatementPrefix + "v0.1", StatementPrefix + "v1"];

    public static bool Detect(JsonElement root) =>
        root.TryGetProperty("_type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString()!.StartsWith(StatementPrefix, StringComparison.Ordinal);

    public static ProvenanceDocument Read(JsonElement root, Envelope envelope, int signatures)
    {
        var statement = new Node(root, Label);
        var type = statement.RequiredString("_type");
        if (!Statements.Contains(type, StringComparer.Ordinal))
        {
            throw new EvidenceFormatException($"in-toto Statement type {type} is not supported (v0.1, v1)");
        }

        var subjects = new List<string>();
        foreach (var subject in statement.RequiredItems("subject"))
        {
            Digests.AddTo(subjects, Digests.Normalize(subject.RequiredObject("digest").OptionalString("sha256")));
        }

        var predicateType = statement.RequiredString("predicateType");
        var predicate = statement.RequiredObject("predicate");
        var facts = predicateType switch
        {
            SlsaV02 => ReadV02(predicate),
            SlsaV1 => ReadV1(predicate),
            _ when predicateType.StartsWith(SlsaPrefix, StringComparison.Ordinal) =>
                throw new EvidenceFormatException($"SLSA provenance {predicateType} is not supported (v0.2, v1)"),
            _ => throw new EvidenceFormatException($"in-toto predicate {predicateType} is not SLSA provenance"),
        };

        return new ProvenanceDocument(
            EvidenceFormat.InToto,
            type,
            subjects,
            predicateType,
            facts.Builder,
            facts.BuildType,
            facts.SourceRepo,
            facts.SourceRevision,
            envelope,
            signatures);
    }

    private static Facts ReadV02(Node predicate)
    {
        var builder = predicate.RequiredObject("builder").RequiredString("id");
        var buildType = predicate.NonEmptyString("buildType");
        if (predicate.OptionalObject("invocation")?.OptionalObject("configSource") is { } config
            && config.NonEmptyString("uri") is { } configUri)
        {
            return new Facts(builder, buildType, SourceUris.Repository(configUri), config.OptionalObject("digest")?.NonEmptyString("sha1"));
        }

        foreach (var material in predicate.Items("materials"))
        {
            if (material.NonEmptyString("uri") is { } uri && uri.StartsWith("git+", StringComparison.Ordinal))
            {
                return new Facts(builder, buildType, SourceUris.Repository(uri), material.OptionalObject("digest")?.NonEmptyString("sha1"));
            }
        }

        return new Facts(builder, buildType, null, null);
    }

    private static Facts ReadV1(Node predicate)
    {
        var builder = predicate.RequiredObject("runDetails").RequiredObject("builder").RequiredString("id");
        var definition = predicate.RequiredObject("buildDefinition");
        var buildType = definition.NonEmptyString("buildType");
        var external = definition.OptionalObject("externalParameters");

        var dependencies = definition.Items("resolvedDependencies").ToList();
        var gitDependency = dependencies.FirstOrDefault(d => d.NonEmptyString("uri")?.StartsWith("git+", StringComparison.Ordinal) == true);
        var source = gitDependency.Kind == JsonValueKind.Object ? gitDependency : dependencies.FirstOrDefault();

        var uri = external?.OptionalObject("workflow")?.NonEmptyString("repository")
            ?? (external?.Optional("source") is { Kind: JsonValueKind.String } text ? text.AsString() : null)
            ?? (source.Kind == JsonValueKind.Object ? source.NonEmptyString("uri") : null);

        string? revision = null;
        if (source.Kind == JsonValueKind.Object && source.OptionalObject("digest") is { } digest)
        {
            revision = digest.NonEmptyString("gitCommit") ?? digest.NonEmptyString("sha1");
        }

        return new Facts(builder, buildType, uri is null ? null : SourceUris.Repository(uri), revision);
    }

    private readonly record struct Facts(string Builder, string? BuildType, string? SourceRepo, string? SourceRevision);
}
