using Vivido.Core.Lifecycles.Loading;
using Vivido.Core.Yaml;

namespace Vivido.Core.Lifecycles;

/// <summary>Loads and validates lifecycle files, reporting every problem at its line and column.</summary>
public static class LifecycleLoader
{
    private const string DefaultResource = "Vivido.Core.Lifecycles.default.yaml";

    /// <summary>The name diagnostics of the embedded default lifecycle carry.</summary>
    public const string DefaultSourceName = "embedded:default.yaml";

    private static readonly Lazy<Lifecycle> Default = new(LoadEmbeddedDefault);

    /// <summary>Reads and validates <paramref name="path"/>; diagnostics name the path as given.</summary>
    /// <exception cref="IOException">The file cannot be read (missing, unreadable).</exception>
    public static LifecycleLoadResult LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <summary>Validates lifecycle YAML; <paramref name="sourceName"/> prefixes every diagnostic.</summary>
    public static LifecycleLoadResult Load(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag(sourceName);
        var root = YamlDocumentReader.Read(yaml, diagnostics);
        var syntax = root is null ? null : new LifecycleParser(diagnostics, new GuardCompiler(yaml, diagnostics)).Parse(root);
        if (syntax is not null)
        {
            new LifecycleValidator(syntax, diagnostics).Validate();
        }

        var lifecycle = syntax is not null && diagnostics.Count == 0 ? LifecycleAssembler.Build(syntax) : null;
        return new LifecycleLoadResult(lifecycle, diagnostics.ToSortedList());
    }

    /// <summary>The default lifecycle shipped inside Vivido.Core (lifecycles/default.yaml).</summary>
    public static Lifecycle LoadDefault() => Default.Value;

    /// <summary>The YAML text of the embedded default lifecycle.</summary>
    public static string DefaultYaml()
    {
        using var stream = typeof(LifecycleLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"resource {DefaultResource} is missing from Vivido.Core");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Lifecycle LoadEmbeddedDefault()
    {
        var result = Load(DefaultYaml(), DefaultSourceName);
        return result.Lifecycle
            ?? throw new InvalidOperationException("the embedded default lifecycle is invalid: " + string.Join("; ", result.Diagnostics));
    }
}
