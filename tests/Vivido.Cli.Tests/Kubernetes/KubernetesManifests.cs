using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Vivido.Cli.Tests.Kubernetes;

/// <summary>Every YAML document under <c>deploy/kubernetes</c>, as plain maps, lists and strings.</summary>
internal sealed class KubernetesManifests
{
    private KubernetesManifests(IReadOnlyList<(string File, Dictionary<object, object> Document)> documents) => Documents = documents;

    public static string Folder => Vivido.Testing.TestPaths.InRepo("deploy", "kubernetes");

    public IReadOnlyList<(string File, Dictionary<object, object> Document)> Documents { get; }

    public static KubernetesManifests Load()
    {
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<(string, Dictionary<object, object>)>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            using var reader = new StringReader(File.ReadAllText(file));
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                var document = deserializer.Deserialize<Dictionary<object, object>>(parser);
                documents.Add((Path.GetFileName(file), document.ShouldNotBeNull($"{file}: an empty document")));
            }
        }

        return new KubernetesManifests(documents);
    }

    /// <summary>The one document of <paramref name="kind"/>.</summary>
    public Dictionary<object, object> Single(string kind) =>
        Documents.Where(d => Text(d.Document, "kind") == kind).ShouldHaveSingleItem($"one {kind}").Document;

    public static string Text(object? node, params string[] path) =>
        At(node, path) as string ?? throw new ShouldAssertException($"no text at {string.Join('.', path)}");

    public static Dictionary<object, object> Map(object? node, params string[] path) =>
        At(node, path) as Dictionary<object, object> ?? throw new ShouldAssertException($"no map at {string.Join('.', path)}");

    public static List<object> List(object? node, params string[] path) =>
        At(node, path) as List<object> ?? throw new ShouldAssertException($"no list at {string.Join('.', path)}");

    public static IEnumerable<string> Texts(object? node, params string[] path) => List(node, path).Select(item => item.ShouldBeOfType<string>());

    private static object? At(object? node, string[] path)
    {
        foreach (var key in path)
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(key, out var child) ? child : null;
        }

        return node;
    }
}
