namespace Vivido.Core.Admission;

/// <summary>
/// A malformed AdmissionReview. Carries the request's uid and apiVersion when they were readable, so that
/// the caller can still answer with a proper AdmissionReview error response.
/// </summary>
public sealed class AdmissionReviewException : Exception
{
    /// <summary>The apiVersion used when the review's own was missing or unsupported.</summary>
    public const string DefaultApiVersion = "admission.k8s.io/v1";

    public AdmissionReviewException(string message, string? uid, string apiVersion)
        : base(message)
    {
        Uid = uid;
        ApiVersion = apiVersion;
    }

    public AdmissionReviewException()
        : this("malformed AdmissionReview", null, DefaultApiVersion)
    {
    }

    public AdmissionReviewException(string message)
        : this(message, null, DefaultApiVersion)
    {
    }

    public AdmissionReviewException(string message, Exception innerException)
        : base(message, innerException)
    {
        ApiVersion = DefaultApiVersion;
    }

    /// <summary>request.uid when it was a string, else null.</summary>
    public string? Uid { get; }

    /// <summary>The review's apiVersion when supported, else <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; }
}
