using System.Text;
using System.Text.Json;
using Vivido.Core.Registries;

namespace Vivido.Core.Signatures;

/// <summary>
/// Key-based cosign verification: a signature counts when a configured key verifies its ECDSA P-256 /
/// SHA-256 signature over the payload bytes AND the payload's <c>critical.image.docker-manifest-digest</c>
/// is the digest AND its <c>critical.identity.docker-reference</c> is the repository.
/// </summary>
public static class CosignVerifier
{
    /// <summary>Examines every signature found for <paramref name="repository"/>@<paramref name="digest"/>.</summary>
    public static SignatureVerdict Verify(SigningKeyring keys, string repository, string digest, IReadOnlyList<CosignSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.Count == 0)
        {
            return new SignatureVerdict(false, [], SignatureReasons.NoSignature, "", null, 0);
        }

        var verifiedBy = new SortedSet<string>(StringComparer.Ordinal);
        Outcome? verified = null;
        Outcome? furthest = null;
        foreach (var signature in signatures)
        {
            var outcome = Examine(keys, repository, digest, signature);
            if (outcome.Reason is null)
            {
                verified ??= outcome;
                verifiedBy.UnionWith(outcome.Keys);
            }
            else if (furthest is null || outcome.Rank > furthest.Rank)
            {
                furthest = outcome;
            }
        }

        return verified is not null
            ? new SignatureVerdict(true, [.. verifiedBy], null, verified.Identity, verified.Text, signatures.Count)
            : new SignatureVerdict(false, [], furthest!.Reason, furthest.Identity, furthest.Text, signatures.Count);
    }

    private static Outcome Examine(SigningKeyring keys, string repository, string digest, CosignSignature signature)
    {
        var text = Encoding.UTF8.GetString(signature.Payload);
        var payload = SimpleSigningPayload.TryRead(signature.Payload);
        var identity = payload?.Reference ?? "";
        var keysOk = TryDecode(signature.Signature) is { } der ? keys.Verifying(signature.Payload, der) : [];
        var reason = keysOk.Count == 0 ? SignatureReasons.BadSignature
            : payload is null ? SignatureReasons.MalformedPayload
            : !string.Equals(payload.Digest, digest, StringComparison.Ordinal) ? SignatureReasons.DigestMismatch
            : !DockerReference.SameRepository(payload.Reference, repository) ? SignatureReasons.ReferenceMismatch
            : null;
        return new Outcome(reason, keysOk, identity, text);
    }

    private static byte[]? TryDecode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    private sealed record Outcome(string? Reason, IReadOnlyList<string> Keys, string Identity, string Text)
    {
        // How far a failed signature got: the most specific reason is the one reported.
        public int Rank => Reason switch
        {
            SignatureReasons.ReferenceMismatch => 3,
            SignatureReasons.DigestMismatch => 2,
            SignatureReasons.MalformedPayload => 1,
            _ => 0,
        };
    }

    private sealed record SimpleSigningPayload(string Digest, string Reference)
    {
        public static SimpleSigningPayload? TryRead(byte[] bytes)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("critical", out var critical) && critical.ValueKind == JsonValueKind.Object
                    && Text(critical, "image", "docker-manifest-digest") is { } digest
                    && Text(critical, "identity", "docker-reference") is { } reference)
                {
                    return new SimpleSigningPayload(digest, reference);
                }

                return null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement critical, string section, string field) =>
            critical.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object
            && part.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
