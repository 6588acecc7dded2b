using System.CommandLine;
using System.Globalization;
using Vivido.Core.Bundles;

namespace Vivido.Cli;

/// <summary><c>vivido evidence export|import</c>: evidence bundles, verified on this side before they are saved or sent.</summary>
internal static class EvidenceBundleCommands
{
    /// <summary>The largest bundle the client verifies and sends.</summary>
    public const long MaxBundleBytes = 512L * 1024 * 1024;

    public static Command CreateExport()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var file = new Option<string>("--output", "-o") { HelpName = "FILE.tar", Description = "Where to save the bundle.", Required = true };
        var command = new Command(
            "export",
            "Download the image's evidence bundle (image, facts, history, every evidence record and raw document, with a manifest of SHA-256 hashes), verify it, then save it. Nothing is saved when it does not verify.");
        command.Arguments.Add(digest);
        var client = ClientOptions.AddTo(command);
        // -o names the bundle file here, as for 'evidence raw'.
        command.Options.Remove(client.Output);
        command.Options.Add(file);
        command.SetAction(async (parse, cancel) =>
        {
            var wanted = parse.GetRequiredValue(digest);
            var target = parse.GetRequiredValue(file);
            using var session = ByteSession.Open(client, parse, json: false);
            var response = await session.GetAsync($"api/v1/images/{ClientText.Segment(wanted)}/evidence/bundle", cancel).ConfigureAwait(false);
            var bundle = await VerifyAsync(response.Body, "the server's bundle", cancel).ConfigureAwait(false);
            if (bundle.Digest != wanted)
            {
                throw new CliException($"the server's bundle is about {bundle.Digest}, not {wanted}: not saved");
            }

            await InputFile.WriteAsync(target, response.Body, cancel).ConfigureAwait(false);
            await session.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"exported {bundle.Repository}@{bundle.Digest} to {target}: {bundle.Entries.Count} evidence, {bundle.History.Count} history entries, {response.Body.Length} bytes, verified")).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateImport()
    {
        var file = new Argument<string>("FILE.tar") { Description = "A bundle 'vivido evidence export' wrote." };
        var command = new Command(
            "import",
            "Verify an evidence bundle, then send it to the server, which registers the image if it does not know it and adds the evidence it does not have yet. A bundle that does not verify is refused here (exit 1) and nothing is sent.");
        command.Arguments.Add(file);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var path = parse.GetRequiredValue(file);
            var bytes = await InputFile.ReadAsync(path, cancel).ConfigureAwait(false);
            await VerifyAsync(bytes, path, cancel).ConfigureAwait(false);
            using var session = ByteSession.Open(client, parse, parse.GetValue(client.Output) == "json");
            var result = await session.PostAsync("api/v1/evidence/bundles", bytes, "application/x-tar", cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                await session.Output.WriteLineAsync(
                    $"imported {result.Str("repository")}@{result.Str("digest")}: {(result.Str("registered") == "true" ? "registered, " : string.Empty)}{result.Str("imported")} evidence imported, {result.Str("skipped")} already present")
                    .ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<EvidenceBundle> VerifyAsync(byte[] bytes, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new MemoryStream(bytes, writable: false);
            return await EvidenceBundleReader.ReadAsync(input, MaxBundleBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BundleFormatException ex)
        {
            throw new CliException($"{name} is not a valid evidence bundle: {ex.Message}");
        }
    }
}
