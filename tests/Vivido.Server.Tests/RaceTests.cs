using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>32 HTTP clients, each on its own connection, fire events at one digest at the same time.</summary>
public sealed class RaceTests
{
    private const int Clients = 32;
    private const int EventsPerClient = 8;

    [Fact]
    public async Task Fire_32ConcurrentClients_HistoryHoldsExactlyTheAcceptedOnesWithVersionsPlusOne()
    {
        await using var server = await ServerHarness.StartAsync(TestLifecycles.PingPong);
        var digest = await server.RegisterAsync("race/app");
        var outcomes = new ConcurrentBag<(int Status, JsonElement Body)>();
        using var start = new SemaphoreSlim(0, Clients);

        var clients = Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerHarness.AdminSecret);
            await start.WaitAsync();
            for (var i = 0; i < EventsPerClient; i++)
            {
                var eventName = (client + i) % 2 == 0 ? "hit" : "return";
                using var response = await http.PostAsJsonAsync($"/api/v1/images/{digest}/events", new { @event = eventName });
                var text = await response.Content.ReadAsStringAsync();
                using var document = JsonDocument.Parse(text);
                outcomes.Add(((int)response.StatusCode, document.RootElement.Clone()));
            }
        }).ToList();
        start.Release(Clients);
        await Task.WhenAll(clients);

        outcomes.Count.ShouldBe(Clients * EventsPerClient);
        outcomes.Select(o => o.Status).Distinct().ShouldBeSubsetOf([200, 409, 422]);
        var acknowledged = outcomes.Where(o => o.Status == 200).ToList();
        acknowledged.ShouldNotBeEmpty();

        var history = (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        var accepted = history.Where(e => e.Str("kind") == "accepted" && e.Str("event") != "register").ToList();
        accepted.Select(e => e.Long("seq")).ShouldBe(
            acknowledged.Select(o => o.Body.GetProperty("transition").Long("seq")).Order(), "every 2xx is in history exactly once, nothing else");
        acknowledged.Select(o => o.Body.GetProperty("image").Long("version")).Order()
            .ShouldBe(Enumerable.Range(2, acknowledged.Count).Select(v => (long)v), "each accepted step adds exactly one to the version");

        var state = "Ping";
        foreach (var entry in accepted)
        {
            entry.Str("from").ShouldBe(state);
            state = entry.Str("to");
        }

        var image = await server.Admin.GetJsonAsync($"/api/v1/images/{digest}");
        image.Str("state").ShouldBe(state);
        image.Long("version").ShouldBe(1 + acknowledged.Count);
        history.Count(e => e.Str("kind") == "rejected").ShouldBe(outcomes.Count(o => o.Status == 422));
        (await server.Admin.GetJsonAsync("/api/v1/audit/verify")).GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Fire_32ConcurrentClientsSameTerminalEvent_ExactlyOneWins()
    {
        await using var server = await ServerHarness.StartAsync();
        var digest = await server.RegisterAsync("race/app");

        var statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerHarness.AdminSecret);
            using var response = await http.PostAsJsonAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" });
            return (int)response.StatusCode;
        }));

        statuses.Count(s => s == 200).ShouldBe(1);
        statuses.Where(s => s != 200).ShouldAllBe(s => s == 409 || s == 422);
        var history = (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        history.Count(e => e.Str("kind") == "accepted" && e.Str("event") == "scan_failed").ShouldBe(1);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}")).Long("version").ShouldBe(2);
    }
}
