namespace Vivido.Evidence;

/// <summary>How an in-toto statement arrived.</summary>
public enum Envelope
{
    /// <summary>The statement itself.</summary>
    None,

    /// <summary>Inside a DSSE envelope (<c>payloadType application/vnd.in-toto+json</c>).</summary>
    Dsse,

    /// <summary>Inside a Sigstore bundle's <c>dsseEnvelope</c>.</summary>
    SigstoreBundle,
}
