using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido register REPO@DIGEST [--tag T]... [--attribute K=V]...</c>.</summary>
internal static class RegisterCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("REPO@DIGEST") { Description = "e.g. registry.example.com/team/api@sha256:<64 hex>." };
        var tags = new Option<string[]>("--tag") { Description = "A tag to point at the digest (repeatable)." };
        var attributes = new Option<string[]>("--attribute") { Description = "An attribute KEY=VALUE (repeatable)." };
        var command = new Command("register", "Register a digest; it starts in the lifecycle's initial state. Registering it again changes nothing.");
        command.Arguments.Add(reference);
        command.Options.Add(tags);
        command.Options.Add(attributes);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var (repository, digest) = Split(parse.GetRequiredValue(reference));
            using var session = client.Open(parse);
            var body = new
            {
                repository,
                digest,
                tags = parse.GetValue(tags) is { Length: > 0 } t ? t : null,
                attributes = ClientText.Pairs(parse.GetValue(attributes), "--attribute"),
            };
            var image = await session.CallAsync(HttpMethod.Post, "api/v1/images", body, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                await session.Output.WriteLineAsync($"{image.Str("digest")} in {image.Str("repository")}: {image.Str("state")} (version {image.Str("version")})").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Splits at the last '@', so registry ports and paths stay in the repository.</summary>
    internal static (string Repository, string Digest) Split(string reference)
    {
        var at = reference.LastIndexOf('@');
        return at <= 0 || at == reference.Length - 1
            ? throw new CliException($"expected REPO@DIGEST, got '{reference}'")
            : (reference[..at], reference[(at + 1)..]);
    }
}
