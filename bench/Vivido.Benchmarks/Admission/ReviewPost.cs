using System.Net;
using System.Text.Json;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Admission;

/// <summary>One <c>POST /admission/validate</c> of the benchmark's review, as the API server sends it.</summary>
internal static class ReviewPost
{
    public const string Path = "/admission/validate";

    /// <summary>Sends the review and reads the whole answer; true when it is 200 and allows.</summary>
    public static async Task<bool> SendAsync(HttpClient client, byte[] review, CancellationToken cancellationToken)
    {
        using var request = Request(review);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK && body.AsSpan().IndexOf("\"allowed\":true"u8) >= 0;
    }

    /// <summary>Sends the review once, checks the answer in full (an AdmissionReview for this uid that allows) and returns its bytes.</summary>
    public static async Task<byte[]> FirstAnswerAsync(HttpClient client, byte[] review)
    {
        using var request = Request(review);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        using var answer = JsonDocument.Parse(body);
        var root = answer.RootElement;
        if (response.StatusCode != HttpStatusCode.OK
            || root.GetProperty("kind").GetString() != "AdmissionReview"
            || root.GetProperty("response").GetProperty("uid").GetString() != PodReview.Uid
            || !root.GetProperty("response").GetProperty("allowed").GetBoolean())
        {
            throw new InvalidOperationException($"{Path} answered {(int)response.StatusCode}, not an allowing AdmissionReview: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return body;
    }

    private static HttpRequestMessage Request(byte[] review) =>
        new(HttpMethod.Post, Path) { Content = new ByteArrayContent(review) { Headers = { ContentType = BenchHttp.Json } } };
}
