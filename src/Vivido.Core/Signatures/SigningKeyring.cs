using System.Security.Cryptography;

namespace Vivido.Core.Signatures;

/// <summary>The configured cosign public keys (PEM, ECDSA P-256), by name.</summary>
public sealed class SigningKeyring : IDisposable
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private readonly SortedDictionary<string, ECDsa> _keys;

    private SigningKeyring(SortedDictionary<string, ECDsa> keys) => _keys = keys;

    /// <summary>No keys: every verification fails.</summary>
    public static SigningKeyring Empty => new(new SortedDictionary<string, ECDsa>(StringComparer.Ordinal));

    /// <summary>The key names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _keys.Keys];

    /// <summary>Reads each named PEM file.</summary>
    /// <exception cref="ArgumentException">A name is malformed or a file is missing, unreadable or not a P-256 public key (the message says which).</exception>
    public static SigningKeyring Load(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var pems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in files)
        {
            try
            {
                pems[name] = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ArgumentException($"signing key '{name}': cannot read {path}: {ex.Message}", nameof(files), ex);
            }
        }

        return FromPem(pems);
    }

    /// <summary>Parses each named PEM text.</summary>
    /// <exception cref="ArgumentException">A name is malformed or a text is not a P-256 public key.</exception>
    public static SigningKeyring FromPem(IReadOnlyDictionary<string, string> pems)
    {
        ArgumentNullException.ThrowIfNull(pems);
        var keys = new SortedDictionary<string, ECDsa>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, pem) in pems)
            {
                keys.Add(CheckName(name), Parse(name, pem));
            }
        }
        catch
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            throw;
        }

        return new SigningKeyring(keys);
    }

    /// <summary>The names of the keys whose ECDSA P-256 / SHA-256 signature over <paramref name="payload"/> is <paramref name="derSignature"/>.</summary>
    public IReadOnlyList<string> Verifying(byte[] payload, byte[] derSignature) =>
        _keys.Where(k => Verifies(k.Value, payload, derSignature)).Select(k => k.Key).ToList();

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }

    private static bool Verifies(ECDsa key, byte[] payload, byte[] signature)
    {
        try
        {
            return key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string CheckName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw new ArgumentException($"signing key name '{name}' must be 1-100 letters, digits, '-', '_' or '.'");

    private static ECDsa Parse(string name, string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException($"signing key '{name}' is not a PEM ECDSA public key: {ex.Message}", ex);
        }

        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid is not { Value: P256Oid } and not { FriendlyName: "nistP256" or "ECDSA_P256" })
        {
            key.Dispose();
            throw new ArgumentException($"signing key '{name}' is not an ECDSA P-256 key");
        }

        return key;
    }
}
