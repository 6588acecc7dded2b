using System.Text.Json;

namespace Vivido.Server.Tests.Support;

/// <summary>Assertions on API responses.</summary>
internal static class ResponseAssertions
{
    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", body);
        return Parse(body);
    }

    /// <summary>An RFC 9457 problem document with this status and a Vivido problem type; returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = Parse(body);
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("type").GetString().ShouldStartWith("urn:vivido:problem:");
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotContain("   at ", Case.Sensitive, "no stack trace in responses");
        if (field is not null)
        {
            problem.GetProperty("field").GetString().ShouldBe(field, body);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
        }

        return problem;
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static long Long(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name = "items") => [.. element.GetProperty(name).EnumerateArray()];

    private static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
