using System.CommandLine;

namespace Vivido.Cli;

/// <summary><c>vivido sign verify REPO@DIGEST</c> (ci, admin): cosign verification by the server against its configured keys.</summary>
internal static class SignCommands
{
    public static Command Create()
    {
        var sign = new Command("sign", "Image signatures (cosign).");
        sign.Subcommands.Add(CreateVerify());
        return sign;
    }

    private static Command CreateVerify()
    {
        var reference = new Argument<string>("REPO@DIGEST") { Description = "The image, e.g. registry.example.com/team/api@sha256:…" };
        var command = new Command(
            "verify",
            "Find the image's cosign signatures in its registry, verify them against the server's --signing-key keys and record the result as evidence. Exit 3 when not verified.");
        command.Arguments.Add(reference);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var text = parse.GetRequiredValue(reference);
            var at = text.LastIndexOf('@');
            if (at <= 0 || at == text.Length - 1)
            {
                throw new CliException($"'{text}' is not REPO@DIGEST (e.g. registry.example.com/team/api@sha256:…)");
            }

            var (repository, digest) = (text[..at], text[(at + 1)..]);
            using var session = client.Open(parse);
            var path = $"api/v1/images/{Uri.EscapeDataString(digest)}/signatures/verify?repository={Uri.EscapeDataString(repository)}";
            var result = await session.CallAsync(HttpMethod.Post, path, null, cancel).ConfigureAwait(false);
            var verified = result.Str("verified") == "true";
            if (!session.Json)
            {
                await session.Output.WriteLineAsync(verified
                    ? $"verified: {repository}@{digest} signed by {result.Joined("verifiedBy")} ({result.Str("signatures")} signature(s) found)"
                    : $"not verified: {repository}@{digest}: {result.Str("reason")} ({result.Str("signatures")} signature(s) found)").ConfigureAwait(false);
            }

            return verified ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return command;
    }
}
