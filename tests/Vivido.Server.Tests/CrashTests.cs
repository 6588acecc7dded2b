using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>Kill -9 the real server mid-stream: every acknowledged write survives the restart and the chain verifies.</summary>
public sealed class CrashTests : IDisposable
{
    private const string Secret = "crash-test-admin-secret-123";
    private const int Writers = 4;
    private const int KillAfterAcknowledged = 60;

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-crash-").FullName;

    [Fact]
    public async Task Serve_KilledMidStream_EveryAcknowledgedTransitionSurvivesAndAuditVerifies()
    {
        var lifecycle = Path.Combine(_directory, "pingpong.yaml");
        await File.WriteAllTextAsync(lifecycle, TestLifecycles.PingPong);
        var data = Path.Combine(_directory, "data");
        var registered = new ConcurrentBag<string>();
        var transitions = new ConcurrentBag<(string Digest, long Seq, string Event, long Version)>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (var first = await ServeProcess.StartAsync(data, lifecycle, Secret))
        {
            var writers = Enumerable.Range(0, Writers)
                .Select(w => Task.Run(() => WriteUntilKilledAsync(first.BaseAddress, w, registered, transitions, enough)))
                .ToList();
            await enough.Task.WaitAsync(TimeSpan.FromMinutes(2));
            first.Kill();
            await Task.WhenAll(writers);
        }

        transitions.Count.ShouldBeGreaterThanOrEqualTo(KillAfterAcknowledged - Writers);
        using var second = await ServeProcess.StartAsync(data, lifecycle, Secret);
        using var http = Client(second.BaseAddress);
        foreach (var digest in registered)
        {
            var history = await GetAsync(http, $"/api/v1/images/{digest}/history");
            var accepted = history.GetProperty("items").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "accepted")
                .Select(e => (Seq: e.GetProperty("seq").GetInt64(), Event: e.GetProperty("event").GetString()!))
                .ToList();
            foreach (var acknowledged in transitions.Where(t => t.Digest == digest))
            {
                accepted.ShouldContain((acknowledged.Seq, acknowledged.Event), $"acknowledged {acknowledged.Event} seq {acknowledged.Seq} of {digest} was lost");
            }

            var image = await GetAsync(http, $"/api/v1/images/{digest}");
            image.GetProperty("version").GetInt64().ShouldBe(accepted.Count, "version = 1 + accepted transitions after registration");
        }

        var verify = await GetAsync(http, "/api/v1/audit/verify");
        verify.GetProperty("ok").GetBoolean().ShouldBeTrue(verify.ToString());
        verify.GetProperty("entries").GetInt64().ShouldBeGreaterThanOrEqualTo(registered.Count + transitions.Count);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Registers digests and bounces each between Ping and Pong until the server dies; records every 2xx.</summary>
    private static async Task WriteUntilKilledAsync(
        Uri server, int writer, ConcurrentBag<string> registered, ConcurrentBag<(string, long, string, long)> transitions, TaskCompletionSource enough)
    {
        using var http = Client(server);
        try
        {
            for (var round = 0; ; round++)
            {
                var digest = TestDigests.New();
                using (var response = await http.PostAsJsonAsync("/api/v1/images", new { repository = $"crash/w{writer}", digest }))
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        continue;
                    }
                }

                registered.Add(digest);
                foreach (var eventName in new[] { "hit", "return", "hit" })
                {
                    using var response = await http.PostAsJsonAsync($"/api/v1/images/{digest}/events", new { @event = eventName });
                    if (!response.IsSuccessStatusCode)
                    {
                        continue;
                    }

                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var entry = body.GetProperty("transition");
                    transitions.Add((digest, entry.GetProperty("seq").GetInt64(), eventName, body.GetProperty("image").GetProperty("version").GetInt64()));
                    if (transitions.Count >= KillAfterAcknowledged)
                    {
                        enough.TrySetResult();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
        {
            // The server was killed under this writer: whatever was not acknowledged may be lost.
        }
    }

    private static HttpClient Client(Uri server)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return http;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
