using System.Net;
using System.Text.Json;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>Two replicas on one PostgreSQL database: an Idempotency-Key runs once across both.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaIdempotencyTests(PostgresServerFixture postgres)
{
    private const int Requests = 16;

    [Fact]
    public async Task SameKeyOnTwoReplicasAtOnce_FiresOnceAndEveryAnswerIsTheResultOrInProgress()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await PostgresReplica.StartAsync(database, "replica-a");
        await using var second = await PostgresReplica.StartAsync(database, "replica-b");
        var digest = await first.RegisterAsync(TestDigests.NewRepository());
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "one-key-two-replicas" };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            await go.Task;
            using var response = await (i % 2 == 0 ? first : second).Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, headers);
            return (Status: response.StatusCode, response.Headers.RetryAfter, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(requests);

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.Conflict);
        var results = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Body).ToList();
        results.ShouldNotBeEmpty();
        results.Distinct().ShouldHaveSingleItem("every 200 is the first result, replayed");
        foreach (var conflict in answers.Where(a => a.Status == HttpStatusCode.Conflict))
        {
            Type(conflict.Body).ShouldBe("urn:vivido:problem:idempotency-key-in-progress");
            conflict.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        }

        var history = await second.Admin.GetJsonAsync($"/api/v1/images/{digest}/history");
        history.Items().Count(e => e.Str("event") == "scan_failed").ShouldBe(1);
        using var replay = await second.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, headers);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(results[0]);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
    }

    private static string? Type(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.GetProperty("type").GetString();
    }
}
