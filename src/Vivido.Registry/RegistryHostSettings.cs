namespace Vivido.Registry;

/// <summary>How to reach one registry host: plain http or https, and optional credentials (basic, or for the token flow).</summary>
public sealed record RegistryHostSettings(string Host, bool Insecure = false, string? Username = null, string? Password = null)
{
    /// <summary>The base address of the registry's API (<c>http://</c> when insecure).</summary>
    public Uri BaseAddress => new((Insecure ? "http://" : "https://") + (Host == RepositoryNames.DockerHub ? "registry-1.docker.io" : Host) + "/");

    /// <summary>True when a username and password are configured.</summary>
    public bool HasCredentials => Username is not null && Password is not null;

    /// <summary>Hides the password when settings are logged.</summary>
    public override string ToString() => $"{Host} (insecure: {Insecure}, user: {Username ?? "anonymous"})";
}
