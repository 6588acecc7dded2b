namespace Vivido.Core.Service;

/// <summary>The document is larger than the configured limit (HTTP 413).</summary>
/// <param name="Message">One line with the size and the limit.</param>
/// <param name="Limit">The limit in bytes.</param>
public sealed record DocumentTooLarge(string Message, long Limit) : ServiceFailure(Message);
