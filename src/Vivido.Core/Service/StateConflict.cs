namespace Vivido.Core.Service;

/// <summary>The request contradicts what is stored, e.g. a digest registered under another repository or a pending override (HTTP 409).</summary>
public sealed record StateConflict(string Message) : ServiceFailure(Message);
