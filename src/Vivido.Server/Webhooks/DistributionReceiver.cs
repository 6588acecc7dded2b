using System.Text.Json;
using Vivido.Core.Service;

namespace Vivido.Server.Webhooks;

/// <summary>
/// The CNCF Distribution registry's notification envelope <c>{"events": [...]}</c>. Manifest pushes
/// register <c>HOST/REPOSITORY@DIGEST</c> and move the pushed tag; pulls, deletes and blob pushes are
/// ignored; a malformed event is reported by index while the others are processed.
/// </summary>
internal sealed class DistributionReceiver(WebhookService webhooks, string? hostOverride)
{
    public const string Source = "distribution";

    /// <summary>The report, or null when the body is not an envelope at all.</summary>
    public async Task<WebhookReport?> HandleAsync(Caller caller, byte[] body, CancellationToken cancellationToken)
    {
        using var document = WebhookJson.Parse(body);
        if (document?.RootElement.Array("events") is not { } events)
        {
            return null;
        }

        var report = new WebhookReport();
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            await HandleEventAsync(caller, item, index++, report, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    private async Task HandleEventAsync(Caller caller, JsonElement item, int index, WebhookReport report, CancellationToken cancellationToken)
    {
        if (item.ValueKind != JsonValueKind.Object || item.String("action") is not { } action)
        {
            report.Fail(index, "the event is not an object with an 'action'");
            return;
        }

        if (action != "push")
        {
            report.Ignore();
            return;
        }

        if (item.Object("target") is not { } target)
        {
            report.Fail(index, "the push event has no 'target'");
            return;
        }

        var mediaType = target.String("mediaType");
        if (mediaType is null)
        {
            report.Fail(index, "'target.mediaType' is required");
            return;
        }

        if (!ManifestMediaTypes.IsManifest(mediaType))
        {
            report.Ignore();
            return;
        }

        var host = hostOverride ?? WebhookJson.NonEmpty(item.Object("request")?.String("host"));
        var path = WebhookJson.NonEmpty(target.String("repository"));
        if (host is null || path is null)
        {
            report.Fail(index, host is null ? "'request.host' is required" : "'target.repository' is required");
            return;
        }

        var tag = WebhookJson.NonEmpty(target.String("tag"));
        var result = await webhooks.RecordPushAsync(
            caller,
            $"{host}/{path}",
            target.String("digest"),
            tag is null ? [] : [tag],
            new Dictionary<string, string> { ["source"] = Source, ["mediaType"] = mediaType },
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            report.Process();
        }
        else
        {
            report.Fail(index, result.Failure.Message);
        }
    }
}
