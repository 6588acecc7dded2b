using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Vivido.Core.Admission;

namespace Vivido.Core.Tests.Admission;

public sealed class AdmissionReviewPropertyTests
{
    private static readonly string[] FixtureNames =
    [
        "admission-review-v1-pod-create-digest.json",
        "admission-review-v1-pod-create-initcontainer.json",
        "admission-review-v1-replicaset-update.json",
        "admission-review-v1beta1-deployment-create-multi-image.json",
    ];

    private static readonly byte[][] Fixtures = [.. FixtureNames.Select(AdmissionReviewReaderFixtureTests.Fixture)];

    private static readonly string[] Replacements =
        ["null", "true", "false", "0", "-1.5e300", "\"\"", "\"Nginx\"", "\"nginx@sha256:abc\"", "\"\\ud800\"", "[]", "{}", "[{}]", "{\"kind\":\"Pod\"}",
         "\"DELETE\"", "\"admission.k8s.io/v1beta1\"", "[1,\"x\",null]"];

    [Fact]
    public void Read_RandomBytes_OnlyAdmissionReviewException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ThrowsNothingElse(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_RandomByteEditsOfFixtures_OnlyAdmissionReviewException()
    {
        var edits = from index in Gen.Choose(0, Fixtures.Length - 1)
                    from position in Gen.Choose(0, 100_000)
                    from value in Gen.Choose(0, 255)
                    from cut in Gen.Elements(true, false)
                    select Edit(Fixtures[index], position, (byte)value, cut);

        Prop.ForAll(Arb.From(edits), bytes => ThrowsNothingElse(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_RandomValueSwapsInFixtures_OnlyAdmissionReviewException()
    {
        var swaps = from index in Gen.Choose(0, Fixtures.Length - 1)
                    from node in Gen.Choose(0, 100_000)
                    from replacement in Gen.Elements(Replacements)
                    select Swap(Fixtures[index], node, replacement);

        Prop.ForAll(Arb.From(swaps), bytes => ThrowsNothingElse(bytes)).QuickCheckThrowOnFailure();
    }

    private static byte[] Edit(byte[] fixture, int position, byte value, bool cut)
    {
        var at = position % fixture.Length;
        if (cut)
        {
            return fixture[..at];
        }

        var copy = (byte[])fixture.Clone();
        copy[at] = value;
        return copy;
    }

    /// <summary>Replaces one value anywhere in the document, so that every field meets every wrong type.</summary>
    private static byte[] Swap(byte[] fixture, int pick, string replacement)
    {
        var root = JsonNode.Parse(fixture)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[pick % nodes.Count];
        var text = root.ToJsonString();
        if (target.Parent is JsonObject parent)
        {
            var name = target.GetPropertyName();
            parent[name] = null;
            text = root.ToJsonString().Replace($"\"{name}\":null", $"\"{name}\":{replacement}", StringComparison.Ordinal);
        }
        else if (target.Parent is JsonArray array)
        {
            var index = target.GetElementIndex();
            array[index] = "\u0001swap\u0001";
            text = root.ToJsonString().Replace("\"\\u0001swap\\u0001\"", replacement, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        if (node.Parent is not null)
        {
            nodes.Add(node);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }

    private static bool ThrowsNothingElse(byte[] bytes)
    {
        try
        {
            var request = AdmissionReviewReader.Read(bytes);
            return request.Uid.Length > 0 && request.Images.All(i => (i.Reference is null) != (i.Error is null));
        }
        catch (AdmissionReviewException error)
        {
            return error.Message.Length > 0 && !error.Message.Contains('\n', StringComparison.Ordinal) && error.ApiVersion.StartsWith("admission.k8s.io/", StringComparison.Ordinal);
        }
    }
}
