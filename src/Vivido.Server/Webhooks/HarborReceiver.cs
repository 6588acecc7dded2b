using System.Text;
using System.Text.Json;
using Vivido.Core.Service;

namespace Vivido.Server.Webhooks;

/// <summary>
/// Harbor's webhook payload (the "Default" JSON format), one report item per entry of
/// <c>event_data.resources</c>: PUSH_ARTIFACT registers and moves the tag, DELETE_ARTIFACT records the
/// deletion in history, SCANNING_COMPLETED attaches scan evidence. Other event types are ignored.
/// </summary>
internal sealed class HarborReceiver(WebhookService webhooks, TimeProvider time)
{
    public const string Actor = "webhook:harbor";

    /// <summary>Harbor is a registry and a scanner: it may register images and attach scans.</summary>
    public static Caller Caller { get; } = new(Actor, [Roles.Ci, Roles.Scanner], []);

    /// <summary>The report, or null when the body is not a Harbor payload at all.</summary>
    public async Task<WebhookReport?> HandleAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var document = WebhookJson.Parse(body);
        var root = document?.RootElement;
        if (root?.String("type") is not { } type)
        {
            return null;
        }

        var report = new WebhookReport();
        var resources = root.Value.Object("event_data")?.Array("resources");
        if (resources is null || type is not ("PUSH_ARTIFACT" or "DELETE_ARTIFACT" or "SCANNING_COMPLETED"))
        {
            report.Ignore();
            return report;
        }

        var raw = Encoding.UTF8.GetString(body);
        var index = 0;
        foreach (var resource in resources.Value.EnumerateArray())
        {
            var failure = await HandleResourceAsync(type, resource, root.Value, raw, report, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                report.Fail(index, failure);
            }

            index++;
        }

        return report;
    }

    /// <summary>Null when processed or ignored, else why the resource was skipped.</summary>
    private async Task<string?> HandleResourceAsync(string type, JsonElement resource, JsonElement root, string raw, WebhookReport report, CancellationToken cancellationToken)
    {
        var repository = RepositoryOf(resource.String("resource_url"));
        if (repository is null)
        {
            return "'resource_url' must be HOST/PROJECT/REPOSITORY[:TAG]";
        }

        var digest = resource.String("digest");
        var tag = WebhookJson.NonEmpty(resource.String("tag"));
        ServiceResult<WebhookRecorded> result;
        switch (type)
        {
            case "PUSH_ARTIFACT":
                result = await webhooks.RecordPushAsync(
                    Caller, repository, digest, tag is null ? [] : [tag], new Dictionary<string, string> { ["source"] = "harbor" }, cancellationToken).ConfigureAwait(false);
                break;
            case "DELETE_ARTIFACT":
                var reason = $"deleted from Harbor by {root.String("operator") ?? "an unknown operator"}" + (tag is null ? string.Empty : $" (tag {tag})");
                result = await webhooks.RecordDeletionAsync(Caller, repository, digest, reason, cancellationToken).ConfigureAwait(false);
                if (result.Failure is ResourceNotFound)
                {
                    report.Ignore();
                    return null;
                }

                break;
            default:
                var occurred = root.Long("occur_at") is { } seconds && seconds is > 0 and < 253402300800
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : time.GetUtcNow();
                var scan = HarborScan.Read(resource, occurred, webhooks.Lifecycle.Evidence.Weights, out var error);
                if (scan is null)
                {
                    if (error is null)
                    {
                        report.Ignore();
                    }

                    return error;
                }

                result = await webhooks.AttachScanAsync(Caller, repository, digest, scan, raw, "application/json", cancellationToken).ConfigureAwait(false);
                break;
        }

        if (!result.Succeeded)
        {
            return result.Failure.Message;
        }

        report.Process();
        return null;
    }

    /// <summary><c>harbor.example.com/project/repo:tag</c> (or <c>@sha256:...</c>) to <c>harbor.example.com/project/repo</c>.</summary>
    internal static string? RepositoryOf(string? resourceUrl)
    {
        if (string.IsNullOrEmpty(resourceUrl))
        {
            return null;
        }

        var name = resourceUrl.Split('@')[0];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > slash)
        {
            name = name[..colon];
        }

        // Harbor always names its own host first; a bare path would silently mean docker.io.
        return slash > 0 && Names.IsRepository(name) ? name : null;
    }
}
