namespace Vivido.Core.Service;

/// <summary>The image's registry could not answer (HTTP 502); nothing was written.</summary>
/// <param name="Message">What the registry said, in one line.</param>
public sealed record RegistryUnreachable(string Message) : ServiceFailure(Message);
