namespace Vivido.Server.Webhooks;

/// <summary>What one delivery did: items processed, items ignored, and each item that could not be processed, by its index.</summary>
internal sealed class WebhookReport
{
    private readonly List<WebhookFailure> _failed = [];

    public int Processed { get; private set; }

    public int Ignored { get; private set; }

    public IReadOnlyList<WebhookFailure> Failed => _failed;

    public void Process() => Processed++;

    public void Ignore() => Ignored++;

    public void Fail(int index, string error) => _failed.Add(new WebhookFailure(index, error));

    /// <summary>The response document: <c>{processed, ignored, failed: [{index, error}]}</c>.</summary>
    public WebhookReportDto ToDto() => new(Processed, Ignored, _failed);
}
