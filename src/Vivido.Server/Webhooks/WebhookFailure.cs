namespace Vivido.Server.Webhooks;

/// <summary>An item of a delivery that was skipped: its position in the payload and why.</summary>
internal sealed record WebhookFailure(int Index, string Error);
