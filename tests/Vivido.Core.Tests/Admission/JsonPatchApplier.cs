using System.Text.Json.Nodes;

namespace Vivido.Core.Tests.Admission;

/// <summary>A tiny RFC 6902 applier for <c>replace</c> operations, the only kind the mutating webhook emits.</summary>
internal static class JsonPatchApplier
{
    public static void Apply(JsonNode document, string patch)
    {
        foreach (var operation in JsonNode.Parse(patch)!.AsArray())
        {
            operation!["op"]!.GetValue<string>().ShouldBe("replace");
            var segments = operation["path"]!.GetValue<string>().Split('/')[1..].Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            var parent = document;
            foreach (var segment in segments[..^1])
            {
                parent = parent is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
            }

            var value = operation["value"]!.DeepClone();
            var last = segments[^1];
            if (parent is JsonArray list)
            {
                list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
            }
            else
            {
                // replace requires the target to exist.
                parent.AsObject().ContainsKey(last).ShouldBeTrue();
                parent[last] = value;
            }
        }
    }
}
