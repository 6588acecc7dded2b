using System.CommandLine;
using System.Text;

namespace Vivido.Cli;

/// <summary><c>vivido evidence ls|raw|export|import</c>: an image's evidence, its raw documents, and evidence bundles.</summary>
internal static class EvidenceCommands
{
    public static Command Create()
    {
        var evidence = new Command("evidence", "An image's evidence: list it, read a raw document back, export or import a verified bundle.");
        evidence.Subcommands.Add(CreateList());
        evidence.Subcommands.Add(CreateRaw());
        evidence.Subcommands.Add(EvidenceBundleCommands.CreateExport());
        evidence.Subcommands.Add(EvidenceBundleCommands.CreateImport());
        return evidence;
    }

    private static Command CreateList()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var kind = new Option<string?>("--kind") { Description = "Only evidence of this kind: scan, sbom, signature, provenance or test." };
        var json = ByteSession.JsonFlag();
        var command = new Command("ls", "List the image's evidence, oldest first: id, kind, format, who attached it and when, the raw document's size, and what it says.");
        command.Arguments.Add(digest);
        command.Options.Add(kind);
        command.Options.Add(json);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = ByteSession.OpenJson(client, parse, json);
            var path = $"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/evidence" + ClientText.Query(("kind", parse.GetValue(kind)));
            var list = await session.GetAsync(path, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["ID", "KIND", "AT", "ACTOR", "RAW", "SUMMARY"],
                    list.Items().Select(e => (IReadOnlyList<string>)
                        [e.Str("id"), e.Str("kind"), e.Time("at"), e.Str("actor"), e.Str("rawSize") is { Length: > 0 } size ? size + " bytes" : "-", IngestCommands.Summary(e)]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateRaw()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var id = new Argument<long>("ID") { Description = "The evidence id ('vivido evidence ls' shows it)." };
        var file = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "Write the document to FILE, byte for byte (else it is printed as text)." };
        var command = new Command("raw", "Print or save the raw document of one piece of evidence exactly as it was received.");
        command.Arguments.Add(digest);
        command.Arguments.Add(id);
        var client = ClientOptions.AddTo(command);
        // -o names the output file here: the table|json switch means nothing for a raw document.
        command.Options.Remove(client.Output);
        command.Options.Add(file);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = ByteSession.Open(client, parse, json: false);
            var path = $"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/evidence/{parse.GetRequiredValue(id)}/raw";
            var raw = await session.GetAsync(path, cancel).ConfigureAwait(false);
            if (parse.GetValue(file) is { } target)
            {
                await InputFile.WriteAsync(target, raw.Body, cancel).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw.Body);
            }
            catch (DecoderFallbackException)
            {
                throw new CliException($"the document is binary ({raw.MediaType ?? "no media type"}): save it with -o FILE");
            }

            await session.Output.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
