namespace Vivido.Core.Service;

/// <summary>The digest, tag, repository or token does not exist (HTTP 404).</summary>
public sealed record ResourceNotFound(string Message) : ServiceFailure(Message);
