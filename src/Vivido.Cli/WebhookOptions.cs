using Vivido.Core.Service;

namespace Vivido.Cli;

/// <summary>The webhook settings of <c>vivido serve</c>: secrets from files (never on the command line, where <c>ps</c> shows them) and the Distribution host.</summary>
internal static class WebhookOptions
{
    /// <summary>The secret in <paramref name="path"/> without its trailing newline; null when no file is given.</summary>
    public static string? ReadSecret(string? path, string flag)
    {
        if (path is null)
        {
            return null;
        }

        string secret;
        try
        {
            secret = File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{flag}: cannot read {path}: {ex.Message}");
        }

        return secret.Length > 0 ? secret : throw new CliException($"{flag}: {path} is empty");
    }

    /// <summary>A registry host such as <c>registry.example.com</c> or <c>127.0.0.1:5000</c>; null when not given.</summary>
    public static string? Host(string? host) =>
        host is null ? null
        : !host.Contains('/', StringComparison.Ordinal) && Names.IsRepository(host + "/x") ? host
        : throw new CliException($"--distribution-host: '{host}' is not a registry host (e.g. registry.example.com or 127.0.0.1:5000)");
}
