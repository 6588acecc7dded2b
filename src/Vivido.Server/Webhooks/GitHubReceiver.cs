using System.Text.Json;
using Vivido.Core.Service;

namespace Vivido.Server.Webhooks;

/// <summary>
/// GitHub's <c>registry_package</c> event with action <c>published</c> for a container package:
/// registers <c>ghcr.io/OWNER/NAME@DIGEST</c> with its tag. Other events and actions are ignored.
/// </summary>
internal sealed class GitHubReceiver(WebhookService webhooks)
{
    public const string Actor = "webhook:github";
    public const string EventHeader = "X-GitHub-Event";
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string Registry = "ghcr.io";

    public static Caller Caller { get; } = new(Actor, [Roles.Ci], []);

    /// <summary>The report, or null when the body is not a JSON object.</summary>
    public async Task<WebhookReport?> HandleAsync(string? eventName, byte[] body, CancellationToken cancellationToken)
    {
        using var document = WebhookJson.Parse(body);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var report = new WebhookReport();
        var package = root.Object("registry_package");
        if (eventName != "registry_package" || root.String("action") != "published" || package is null || !IsContainer(package.Value))
        {
            report.Ignore();
            return report;
        }

        var error = await RecordAsync(package.Value, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            report.Process();
        }
        else
        {
            report.Fail(0, error);
        }

        return report;
    }

    private async Task<string?> RecordAsync(JsonElement package, CancellationToken cancellationToken)
    {
        var owner = WebhookJson.NonEmpty(package.Object("owner")?.String("login"));
        var name = WebhookJson.NonEmpty(package.String("name"));
        if (owner is null || name is null)
        {
            return "'registry_package.owner.login' and 'registry_package.name' are required";
        }

        var version = package.Object("package_version");
        var container = version?.Object("container_metadata");
        // The version's name is the manifest digest; container_metadata's digests are not always real ones.
        var digest = new[] { version?.String("version"), version?.String("name"), container?.Object("manifest")?.String("digest") }
            .FirstOrDefault(Names.IsDigest) ?? version?.String("version");
        var tag = WebhookJson.NonEmpty(container?.Object("tag")?.String("name"));
        // GHCR names are lowercase whatever the owner's or package's display name.
        var result = await webhooks.RecordPushAsync(
            Caller,
            $"{Registry}/{owner.ToLowerInvariant()}/{name.ToLowerInvariant()}",
            digest,
            tag is null ? [] : [tag],
            new Dictionary<string, string> { ["source"] = "github" },
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? null : result.Failure.Message;
    }

    private static bool IsContainer(JsonElement package) =>
        new[] { package.String("ecosystem"), package.String("package_type") }
            .Any(kind => kind is not null && (kind.Equals("docker", StringComparison.OrdinalIgnoreCase) || kind.Equals("container", StringComparison.OrdinalIgnoreCase)));
}
