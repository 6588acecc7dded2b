using System.Net.Http.Json;
using System.Text.Json;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// Registers the three images of <see cref="PodReview"/> through the API, forces each to Active with an
/// admin override (one per repository: Active is exclusive) and tags them; then checks that Vivido
/// admits each image in <see cref="PodReview.Namespace"/>.
/// </summary>
internal static class AdmissionSeed
{
    public static async Task<PodReview> SeedAsync(Uri server)
    {
        using var client = BenchHttp.CreateClient(server, 1, BenchServer.AdminSecret);
        var pinned = await ActiveAsync(client, "registry.example.com/payments/api", "1.4.2").ConfigureAwait(false);
        var tagged = await ActiveAsync(client, "registry.example.com/payments/worker", "1.4.2").ConfigureAwait(false);
        var both = await ActiveAsync(client, "registry.example.com/platform/metrics-sidecar", "0.9.1").ConfigureAwait(false);
        var review = new PodReview(
            $"{pinned.Repository}@{pinned.Digest}",
            $"{tagged.Repository}:{tagged.Tag}",
            $"{both.Repository}:{both.Tag}@{both.Digest}");
        foreach (var image in new[] { review.PinnedImage, review.TaggedImage, review.TagAndDigestImage })
        {
            var check = await client.GetFromJsonAsync<JsonElement>($"/api/v1/check?image={Uri.EscapeDataString(image)}&namespace={PodReview.Namespace}").ConfigureAwait(false);
            if (!check.GetProperty("allowed").GetBoolean())
            {
                throw new InvalidOperationException($"the seeded image {image} is not admitted in {PodReview.Namespace}: {check}");
            }
        }

        return review;
    }

    private static async Task<(string Repository, string Tag, string Digest)> ActiveAsync(HttpClient client, string repository, string tag)
    {
        var digest = BenchDigests.For(repository + ":" + tag);
        await PostAsync(client, "/api/v1/images", new { repository, digest, tags = new[] { tag } }).ConfigureAwait(false);
        await PostAsync(client, $"/api/v1/images/{digest}/override", new { to = "Active", reason = "admission benchmark seed" }).ConfigureAwait(false);
        return (repository, tag, digest);
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }
}
