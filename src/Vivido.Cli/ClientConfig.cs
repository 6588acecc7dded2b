using System.Text.Json;

namespace Vivido.Cli;

/// <summary>What <c>vivido login</c> saves: <c>~/.config/vivido/config.json</c>, readable by its owner only.</summary>
internal sealed record ClientConfig(string? Server, string? Token)
{
    /// <summary>Overrides the file's location (tests, several servers).</summary>
    public const string PathVariable = "VIVIDO_CONFIG";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>VIVIDO_CONFIG, else $XDG_CONFIG_HOME/vivido/config.json, else ~/.config/vivido/config.json.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(PathVariable) is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }

        var configHome = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "vivido", "config.json");
    }

    /// <summary>The saved settings, or null when nothing was saved.</summary>
    public static ClientConfig? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ClientConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path}: not a vivido config file ({ex.Message.Split('.')[0]})");
        }
    }

    /// <summary>Writes the file with mode 0600 (the token is a secret).</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
