namespace Vivido.Server.Http;

/// <summary>The RFC 9457 <c>type</c> URIs Vivido answers with; scripts branch on these, so they are stable.</summary>
internal static class ProblemTypes
{
    public const string InvalidInput = "urn:vivido:problem:invalid-input";
    public const string Unauthorized = "urn:vivido:problem:unauthorized";
    public const string Forbidden = "urn:vivido:problem:forbidden";
    public const string NotFound = "urn:vivido:problem:not-found";
    public const string MethodNotAllowed = "urn:vivido:problem:method-not-allowed";
    public const string Conflict = "urn:vivido:problem:conflict";
    public const string VersionConflict = "urn:vivido:problem:version-conflict";
    public const string PayloadTooLarge = "urn:vivido:problem:payload-too-large";
    public const string UnsupportedMediaType = "urn:vivido:problem:unsupported-media-type";
    public const string GuardsUnmet = "urn:vivido:problem:guards-unmet";
    public const string EventNotAllowed = "urn:vivido:problem:event-not-allowed";
    public const string NotReady = "urn:vivido:problem:not-ready";
    public const string IdempotencyKeyReused = "urn:vivido:problem:idempotency-key-reused";
    public const string IdempotencyKeyInProgress = "urn:vivido:problem:idempotency-key-in-progress";
    public const string StoreUnavailable = "urn:vivido:problem:store-unavailable";
    public const string EvidenceSubjectMismatch = "urn:vivido:problem:evidence-subject-mismatch";
    public const string Internal = "urn:vivido:problem:internal";

    /// <summary>The type for a bare status code (routing 404s, 405s, framework-generated errors).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidInput,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        503 => NotReady,
        _ => Internal,
    };
}
