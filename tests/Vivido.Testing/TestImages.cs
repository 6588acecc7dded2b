using System.Globalization;

namespace Vivido.Testing;

/// <summary>Builds tiny OCI images with <c>umoci</c> and pushes them to a <see cref="RegistryServer"/> with <c>skopeo</c>.</summary>
public static class TestImages
{
    private static int _counter;

    /// <summary>
    /// Builds a one-layer image holding a small file (<paramref name="content"/>, or unique content per call, so every call
    /// gives a new digest unless the same content is passed), pushes it as <c>HOST/repository:tag</c> and returns its manifest digest.
    /// </summary>
    public static async Task<string> PushAsync(RegistryServer registry, string repository, string tag, string? content = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        content ??= $"vivido test image {Guid.NewGuid():N} {Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}";
        var directory = Directory.CreateTempSubdirectory("vivido-image-").FullName;
        try
        {
            var layout = Path.Combine(directory, "layout");
            var file = Path.Combine(directory, "content.txt");
            await File.WriteAllTextAsync(file, content, cancellationToken).ConfigureAwait(false);
            await ChildProcess.RunAsync("umoci", ["init", "--layout", layout], cancellationToken).ConfigureAwait(false);
            await ChildProcess.RunAsync("umoci", ["new", "--image", $"{layout}:{tag}"], cancellationToken).ConfigureAwait(false);
            await ChildProcess.RunAsync("umoci", ["insert", "--rootless", "--image", $"{layout}:{tag}", file, "/content.txt"], cancellationToken).ConfigureAwait(false);
            var digestFile = Path.Combine(directory, "digest");
            await ChildProcess.RunAsync(
                    "skopeo",
                    ["copy", "--insecure-policy", "--dest-tls-verify=false", "--digestfile", digestFile, $"oci:{layout}:{tag}", $"docker://{registry.Host}/{repository}:{tag}"],
                    cancellationToken)
                .ConfigureAwait(false);
            return (await File.ReadAllTextAsync(digestFile, cancellationToken).ConfigureAwait(false)).Trim();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
