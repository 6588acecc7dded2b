using System.CommandLine;

namespace Vivido.Cli;

/// <summary>
/// <c>vivido check IMAGE --namespace NS</c>: the admission decision for deploy tools outside Kubernetes
/// (an Argo CD PreSync hook, a Spinnaker stage, a script). Exit 0 allowed, 3 denied with the reason.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "The image as a deployment names it: REPO:TAG, REPO@DIGEST or REPO:TAG@DIGEST (docker.io/library defaults apply)." };
        var namespaceOption = new Option<string>("--namespace", "-n") { Description = "The Kubernetes namespace it would run in; the lifecycle's admission rules for it apply.", Required = true };
        var command = new Command("check", "May this image run in this namespace? Exit 0 allowed, 3 denied (the reason on stderr), as Kubernetes admission would decide.");
        command.Arguments.Add(image);
        command.Options.Add(namespaceOption);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var path = $"api/v1/check?image={Uri.EscapeDataString(parse.GetRequiredValue(image))}&namespace={Uri.EscapeDataString(parse.GetRequiredValue(namespaceOption))}";
            var result = await session.GetAsync(path, cancel).ConfigureAwait(false);
            var allowed = result.GetProperty("allowed").GetBoolean();
            if (!session.Json)
            {
                var target = result.Str("digest") is { Length: > 0 } digest ? $"{digest} ({Or(result.Str("state"), "not registered")})" : "unresolved";
                await session.Output.WriteLineAsync(allowed
                    ? $"allowed: {result.Str("image")} -> {target} in namespace {result.Str("namespace")}"
                    : $"denied: {result.Str("image")} -> {target} in namespace {result.Str("namespace")}").ConfigureAwait(false);
                foreach (var warning in result.GetProperty("warnings").EnumerateArray())
                {
                    await session.Output.WriteLineAsync($"warning: {warning.GetString()}").ConfigureAwait(false);
                }
            }

            if (allowed)
            {
                return ExitCodes.Ok;
            }

            await parse.InvocationConfiguration.Error.WriteLineAsync($"vivido: {result.Str("reason")}").ConfigureAwait(false);
            return ExitCodes.Refused;
        });
        return command;
    }

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;
}
