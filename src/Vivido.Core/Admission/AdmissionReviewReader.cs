using System.Text.Json;

namespace Vivido.Core.Admission;

/// <summary>Reads an AdmissionReview request body (<c>admission.k8s.io/v1</c> or <c>v1beta1</c>).</summary>
public static class AdmissionReviewReader
{
    /// <summary>The largest body read: the API server's own request limit.</summary>
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    /// <summary>The deepest JSON nesting read.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads <paramref name="body"/>.</summary>
    /// <exception cref="AdmissionReviewException">The body is not a well-formed AdmissionReview request; the message is one line.</exception>
    public static AdmissionReviewRequest Read(ReadOnlyMemory<byte> body)
    {
        if (body.Length > MaxBodyBytes)
        {
            throw new AdmissionReviewException($"the AdmissionReview body is larger than {MaxBodyBytes / (1024 * 1024)} MiB", null, AdmissionReviewException.DefaultApiVersion);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException error)
        {
            var message = JsonDepth.Exceeds(body.Span, MaxDepth)
                ? $"the AdmissionReview body nests JSON deeper than {MaxDepth} levels"
                : $"the AdmissionReview body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})";
            throw new AdmissionReviewException(message, null, AdmissionReviewException.DefaultApiVersion);
        }

        using (document)
        {
            return ReviewParser.Parse(document.RootElement);
        }
    }
}
