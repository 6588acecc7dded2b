using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Vivido.Server.Hosting;

/// <summary>
/// HTTPS for <c>vivido serve --tls-cert FILE --tls-key FILE</c>: loads the PEM certificate chain and
/// private key once at start, checks that the listen addresses agree with it, and hands Kestrel the
/// certificate (TLS 1.2 and 1.3 only). Every problem is one <see cref="ServerStartupException"/> line.
/// </summary>
internal sealed class ServerTls
{
    private ServerTls(X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        Certificate = certificate;
        Chain = chain;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The intermediates after the leaf in the certificate file, sent with it in the handshake.</summary>
    public X509Certificate2Collection Chain { get; }

    /// <summary>The loaded certificate, or null when neither file is given; refuses URLs that do not match.</summary>
    /// <exception cref="ServerStartupException">Only one file given, a URL of the wrong scheme, or an unusable file.</exception>
    public static ServerTls? Load(string? certificateFile, string? keyFile, IReadOnlyList<string> urls)
    {
        if ((certificateFile is null) != (keyFile is null))
        {
            throw new ServerStartupException("--tls-cert and --tls-key go together: give both files or neither");
        }

        var wanted = certificateFile is null ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        foreach (var url in urls)
        {
            if (!url.StartsWith(wanted + "://", StringComparison.OrdinalIgnoreCase))
            {
                throw new ServerStartupException(certificateFile is null
                    ? $"--urls {url}: https needs --tls-cert and --tls-key; without them every URL must be http://"
                    : $"--urls {url}: with --tls-cert and --tls-key every URL must be https://");
            }
        }

        return certificateFile is null || keyFile is null ? null : FromFiles(certificateFile, keyFile);
    }

    public void Configure(HttpsConnectionAdapterOptions https)
    {
        https.ServerCertificate = Certificate;
        https.ServerCertificateChain = Chain;
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
    }

    private static ServerTls FromFiles(string certificateFile, string keyFile)
    {
        var certificatePem = Read(certificateFile, "--tls-cert");
        var keyPem = Read(keyFile, "--tls-key");
        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(certificatePem);
        }
        catch (CryptographicException ex)
        {
            throw new ServerStartupException($"--tls-cert {certificateFile}: not a PEM certificate chain ({ex.Message})", ex);
        }

        if (all.Count == 0)
        {
            throw new ServerStartupException($"--tls-cert {certificateFile}: no PEM certificate (-----BEGIN CERTIFICATE-----) in the file");
        }

        if (!HasPrivateKey(keyPem))
        {
            throw new ServerStartupException($"--tls-key {keyFile}: no unencrypted PEM private key (RSA or ECDSA) in the file");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException ex)
        {
            throw new ServerStartupException($"--tls-key {keyFile}: does not match the certificate in {certificateFile} ({ex.Message})", ex);
        }

        var chain = new X509Certificate2Collection();
        for (var i = 1; i < all.Count; i++)
        {
            chain.Add(all[i]);
        }

        return new ServerTls(certificate, chain);
    }

    private static string Read(string path, string flag)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ServerStartupException($"{flag} {path}: cannot read the file ({ex.Message})", ex);
        }
    }

    private static bool HasPrivateKey(string pem)
    {
        foreach (var algorithm in new AsymmetricAlgorithm[] { RSA.Create(), ECDsa.Create() })
        {
            using (algorithm)
            {
                try
                {
                    algorithm.ImportFromPem(pem);
                    return true;
                }
                catch (Exception ex) when (ex is CryptographicException or ArgumentException)
                {
                    // Not this algorithm's key: try the next.
                }
            }
        }

        return false;
    }
}
