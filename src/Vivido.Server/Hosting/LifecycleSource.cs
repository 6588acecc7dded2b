using Vivido.Core.Lifecycles;

namespace Vivido.Server.Hosting;

/// <summary>The lifecycle the server runs, and where it came from (for the start line).</summary>
internal sealed record LifecycleSource(Lifecycle Lifecycle, string Origin)
{
    public static LifecycleSource Load(string? path)
    {
        if (path is null)
        {
            return new LifecycleSource(LifecycleLoader.LoadDefault(), "embedded default");
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ServerStartupException($"lifecycle file not found: {full}");
        }

        var result = LifecycleLoader.LoadFile(full);
        if (!result.IsValid)
        {
            var problems = string.Join("; ", result.Diagnostics.Select(d => d.ToString()));
            throw new ServerStartupException($"invalid lifecycle {full}: {problems}");
        }

        return new LifecycleSource(result.Lifecycle!, full);
    }
}
