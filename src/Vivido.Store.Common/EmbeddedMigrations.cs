using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Vivido.Store.Common;

/// <summary>Loads the migration scripts a store embeds as resources, in the order they apply.</summary>
public static class EmbeddedMigrations
{
    /// <summary>
    /// Every <c>.sql</c> resource of <paramref name="assembly"/> whose name starts with
    /// <paramref name="resourcePrefix"/> (e.g. <c>Vivido.Store.Sqlite.Migrations.</c>), in ordinal name order.
    /// A name that does not start with <c>NNNN_</c> is an <see cref="InvalidOperationException"/>.
    /// </summary>
    public static IReadOnlyList<EmbeddedMigration> Load(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n, resourcePrefix))
            .ToList();
    }

    /// <summary>
    /// Applies <paramref name="migrations"/> in order through <paramref name="applyIfNew"/>, which runs one
    /// in its own transaction and returns false when the ledger already records it; the names of those it applied.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<EmbeddedMigration> migrations, Func<EmbeddedMigration, Task<bool>> applyIfNew)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(applyIfNew);
        var applied = new List<string>();
        foreach (var migration in migrations)
        {
            if (await applyIfNew(migration).ConfigureAwait(false))
            {
                applied.Add(migration.Name);
            }
        }

        return applied;
    }

    private static EmbeddedMigration Read(Assembly assembly, string resource, string resourcePrefix)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"migration resource {resource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var script = reader.ReadToEnd();
        var name = resource[resourcePrefix.Length..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator < 1 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"migration {name} is not named NNNN_name");
        }

        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return new EmbeddedMigration(version, name, script, checksum);
    }
}
