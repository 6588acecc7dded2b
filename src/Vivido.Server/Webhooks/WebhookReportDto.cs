namespace Vivido.Server.Webhooks;

/// <summary>A receiver's answer: <c>{processed, ignored, failed: [{index, error}]}</c>.</summary>
internal sealed record WebhookReportDto(int Processed, int Ignored, IReadOnlyList<WebhookFailure> Failed);
