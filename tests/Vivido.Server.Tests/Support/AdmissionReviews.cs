using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vivido.Server.Tests.Support;

/// <summary>Builds AdmissionReview requests and reads the answers, for the admission tests.</summary>
internal static class AdmissionReviews
{
    /// <summary>A v1 Deployment CREATE in <paramref name="namespaceName"/> whose containers run <paramref name="images"/>.</summary>
    public static string Deployment(string namespaceName, IReadOnlyList<string> images, bool dryRun = false, IReadOnlyDictionary<string, string>? annotations = null, string uid = "uid-1")
    {
        var containers = new JsonArray(images.Select((image, i) => (JsonNode)new JsonObject { ["name"] = $"c{i}", ["image"] = image }).ToArray());
        var metadata = new JsonObject { ["name"] = "web", ["namespace"] = namespaceName };
        if (annotations is not null)
        {
            metadata["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value))));
        }

        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = uid,
                ["kind"] = new JsonObject { ["group"] = "apps", ["version"] = "v1", ["kind"] = "Deployment" },
                ["namespace"] = namespaceName,
                ["name"] = "web",
                ["operation"] = "CREATE",
                ["userInfo"] = new JsonObject { ["username"] = "alice@example.com" },
                ["dryRun"] = dryRun,
                ["object"] = new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["metadata"] = metadata,
                    ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = containers } } },
                },
            },
        };
        return review.ToJsonString();
    }

    /// <summary>Posts a review and returns the response object (the endpoint always answers 200 with an AdmissionReview).</summary>
    public static async Task<JsonElement> PostAsync(ApiClient client, string path, string review)
    {
        using var response = await client.SendAsync(HttpMethod.Post, path, review);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("kind").GetString().ShouldBe("AdmissionReview");
        return document.RootElement.GetProperty("response").Clone();
    }

    /// <summary>The decoded JSONPatch of a mutate answer.</summary>
    public static JsonElement Patch(JsonElement response)
    {
        response.GetProperty("patchType").GetString().ShouldBe("JSONPatch");
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response.GetProperty("patch").GetString()!)));
        return document.RootElement.Clone();
    }
}
