using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary><c>vivido scan|sbom|attest ingest FILE --image DIGEST</c>: post a tool's document byte for byte as evidence.</summary>
internal static class IngestCommands
{
    public static Command CreateScan() => Create(
        "scan",
        "Vulnerability scan reports.",
        "scans",
        "Attach a Trivy, Grype or CycloneDX (with vulnerabilities) JSON report to the image; prints the counts, the score and any transition the scan fired.");

    public static Command CreateSbom() => Create(
        "sbom",
        "Software bills of materials.",
        "sboms",
        "Attach a CycloneDX (1.4-1.6) or SPDX 2.3 JSON SBOM to the image; prints its format and component count.");

    public static Command CreateAttest() => Create(
        "attest",
        "Build provenance attestations.",
        "attestations",
        "Attach SLSA provenance (an in-toto statement, bare, in a DSSE envelope or in a Sigstore bundle) to the image; prints the builder and whether it verified.");

    private static Command Create(string name, string description, string route, string ingestDescription)
    {
        var group = new Command(name, description);
        var file = new Argument<string>("FILE") { Description = "The document exactly as the tool wrote it (JSON); it is sent unchanged and kept for audit." };
        var image = new Option<string>("--image") { HelpName = "DIGEST", Description = "The digest it is about, sha256:<64 hex>.", Required = true };
        var ingest = new Command("ingest", ingestDescription + " Exit 1 for an unreadable document, an unknown digest, a document about another image or one over the server's size limit.");
        ingest.Arguments.Add(file);
        ingest.Options.Add(image);
        var client = ClientOptions.AddTo(ingest);
        ingest.SetAction(async (parse, cancel) =>
        {
            var body = await InputFile.ReadAsync(parse.GetRequiredValue(file), cancel).ConfigureAwait(false);
            using var session = ByteSession.Open(client, parse, parse.GetValue(client.Output) == "json");
            var digest = parse.GetRequiredValue(image);
            var result = await session.PostAsync($"api/v1/images/{ClientText.Segment(digest)}/{route}", body, "application/json", cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                await WriteOutcomeAsync(session.Output, result).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        group.Subcommands.Add(ingest);
        return group;
    }

    private static async Task WriteOutcomeAsync(TextWriter output, JsonElement result)
    {
        var evidence = result.Obj("evidence");
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{evidence.Str("kind")} {evidence.Str("id")} attached to {evidence.Str("digest")}: {Summary(evidence)}")).ConfigureAwait(false);
        var transition = result.Obj("transition");
        if (transition.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var unmet = transition.Items("unmet").Select(u => u.ValueKind == JsonValueKind.String ? u.GetString() : u.Str("name")).ToList();
        await output.WriteLineAsync(transition.Str("accepted") == "true"
            ? $"transition: {transition.Str("from")} -> {transition.Str("to")} by {transition.Str("event")} ({transition.Str("reason")})"
            : $"transition refused: {transition.Str("event")} from {transition.Str("from")}" + (unmet.Count > 0 ? $": unmet {string.Join(", ", unmet)}" : string.Empty))
            .ConfigureAwait(false);
    }

    /// <summary>The format and what the fact says, per kind.</summary>
    internal static string Summary(JsonElement evidence)
    {
        var fact = evidence.Obj("fact");
        var format = evidence.Str("format") is { Length: > 0 } f ? f + ", " : string.Empty;
        return evidence.Str("kind") switch
        {
            "scan" => $"{format}critical {fact.Str("critical")}, high {fact.Str("high")}, medium {fact.Str("medium")}, low {fact.Str("low")}, unknown {fact.Str("unknown")}, score {fact.Str("score")}",
            "sbom" => $"{format}{fact.Str("components")} components",
            "provenance" => $"{format}builder {fact.Str("builder")}, {(fact.Str("verified") == "true" ? "verified" : "not verified")}",
            "signature" => fact.Str("verified") == "true" ? $"verified by {fact.Joined("verifiedBy")}" : $"not verified: {fact.Str("reason")}",
            "test" => $"suite {fact.Str("suite")} {(fact.Str("passed") == "true" ? "passed" : "failed")}",
            _ => format.TrimEnd(',', ' '),
        };
    }
}
