namespace Vivido.Core.Service;

/// <summary>The token may not act on this repository (HTTP 403).</summary>
public sealed record AccessDenied(string Message) : ServiceFailure(Message);
