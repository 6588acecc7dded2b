using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivido.Testing;

namespace Vivido.Server.Tests.Support;

/// <summary>Sends webhook deliveries as the real senders do: exact bytes, their headers.</summary>
internal static class WebhookRequests
{
    public const string DistributionMediaType = "application/vnd.docker.distribution.events.v1+json";

    public static string Fixture(params string[] parts) => File.ReadAllText(TestPaths.Fixture(parts));

    public static Task<HttpResponseMessage> DistributionAsync(this WebhookServer server, string body, string? token) =>
        SendAsync(server, "/webhooks/distribution", body, DistributionMediaType, token is null ? [] : [("Authorization", "Bearer " + token)]);

    public static Task<HttpResponseMessage> HarborAsync(this WebhookServer server, string body, string? authorization = WebhookServer.HarborSecret) =>
        SendAsync(server, "/webhooks/harbor", body, "application/json", authorization is null ? [] : [("Authorization", authorization)]);

    public static Task<HttpResponseMessage> GitHubAsync(this WebhookServer server, string body, string eventName = "registry_package", string? signature = null) =>
        SendAsync(server, "/webhooks/github", body, "application/json", [("X-GitHub-Event", eventName), ("X-Hub-Signature-256", signature ?? Sign(body, WebhookServer.GitHubSecret))]);

    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Asserts a 200 report and returns (processed, ignored, failed indexes).</summary>
    public static async Task<(int Processed, int Ignored, int[] Failed)> ShouldBeReportAsync(this HttpResponseMessage response)
    {
        var body = await response.ShouldBeJsonAsync(200);
        return (body.GetProperty("processed").GetInt32(), body.GetProperty("ignored").GetInt32(),
            body.Items("failed").Select(f => f.GetProperty("index").GetInt32()).ToArray());
    }

    /// <summary>The error texts of a 200 report's failed items.</summary>
    public static IReadOnlyList<string> Errors(JsonElement report) => report.Items("failed").Select(f => f.Str("error")).ToList();

    private static async Task<HttpResponseMessage> SendAsync(WebhookServer server, string path, string body, string mediaType, IEnumerable<(string Name, string Value)> headers)
    {
        // Expect: 100-continue lets an oversize body be refused before it is sent, as real senders' large posts are;
        // without it a 413 can race the upload and surface as a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8), Headers = { ExpectContinue = true } };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await server.Http.SendAsync(request);
    }
}
