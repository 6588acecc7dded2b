using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vivido.Registry;

/// <summary>
/// Registry access settings from the YAML file given to <c>vivido serve --registries FILE</c>:
/// <c>registries: [{host, insecure, username, password | passwordFile}]</c>. Hosts not listed are reached over https, anonymously.
/// </summary>
public sealed class RegistrySettings
{
    private static readonly HashSet<string> Keys = ["host", "insecure", "username", "password", "passwordFile"];
    private readonly Dictionary<string, RegistryHostSettings> _hosts;

    public RegistrySettings(IEnumerable<RegistryHostSettings> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        _hosts = new Dictionary<string, RegistryHostSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in hosts)
        {
            if (!_hosts.TryAdd(host.Host, host))
            {
                throw new FormatException($"registry host '{host.Host}' is listed twice");
            }
        }
    }

    /// <summary>No registries configured: every host over https, anonymously.</summary>
    public static RegistrySettings Empty { get; } = new([]);

    /// <summary>The configured hosts.</summary>
    public IReadOnlyCollection<RegistryHostSettings> Hosts => _hosts.Values;

    /// <summary>The settings for <paramref name="host"/>, or https and anonymous when it is not listed.</summary>
    public RegistryHostSettings For(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return _hosts.TryGetValue(host, out var settings) ? settings : new RegistryHostSettings(host);
    }

    /// <summary>Reads the settings file; <see cref="FormatException"/> names the file and what is wrong.</summary>
    public static RegistrySettings Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot read registry settings: {e.Message}", e);
        }

        try
        {
            return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses settings YAML; relative <c>passwordFile</c> paths are resolved against <paramref name="baseDirectory"/>.</summary>
    public static RegistrySettings Parse(string yaml, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException("expected a mapping with a 'registries' list");
        }

        var hosts = new List<RegistryHostSettings>();
        foreach (var (key, value) in root.Children)
        {
            if (Scalar(key) != "registries")
            {
                throw new FormatException($"unknown key '{Scalar(key)}' (expected 'registries')");
            }

            if (value is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                throw new FormatException("'registries' must be a list");
            }

            foreach (var item in list)
            {
                hosts.Add(ParseHost(item, baseDirectory));
            }
        }

        return new RegistrySettings(hosts);
    }

    private static RegistryHostSettings ParseHost(YamlNode node, string baseDirectory)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw new FormatException($"line {line}: each registry must be a mapping with a 'host'");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = Scalar(key);
            if (!Keys.Contains(name))
            {
                throw new FormatException($"line {key.Start.Line}: unknown registry key '{name}' (expected one of {string.Join(", ", Keys)})");
            }

            fields[name] = Scalar(value);
        }

        if (!fields.TryGetValue("host", out var host) || string.IsNullOrWhiteSpace(host))
        {
            throw new FormatException($"line {line}: registry without 'host'");
        }

        if (host.Contains('/', StringComparison.Ordinal) || host.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"line {line}: host '{host}' must be a host[:port], without scheme or path");
        }

        var insecure = false;
        if (fields.TryGetValue("insecure", out var insecureText) && !bool.TryParse(insecureText, out insecure))
        {
            throw new FormatException($"line {line}: 'insecure' must be true or false, not '{insecureText}'");
        }

        fields.TryGetValue("username", out var username);
        var password = Password(fields, baseDirectory, line, host);
        if ((username is null) != (password is null))
        {
            throw new FormatException($"line {line}: registry '{host}' needs both a username and a password (or passwordFile)");
        }

        return new RegistryHostSettings(host, insecure, username, password);
    }

    private static string? Password(Dictionary<string, string> fields, string baseDirectory, int line, string host)
    {
        var hasPassword = fields.TryGetValue("password", out var password);
        if (!fields.TryGetValue("passwordFile", out var file))
        {
            return hasPassword ? password : null;
        }

        if (hasPassword)
        {
            throw new FormatException($"line {line}: registry '{host}' has both 'password' and 'passwordFile'");
        }

        var full = Path.Combine(baseDirectory, file);
        try
        {
            return File.ReadAllText(full).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"line {line}: cannot read passwordFile '{full}': {e.Message}", e);
        }
    }

    private static string Scalar(YamlNode node) =>
        node is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw new FormatException($"line {node.Start.Line}: expected a single value");
}
