using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vivido.Cli.Tests.Tls;

/// <summary>A self-signed certificate for 127.0.0.1 and localhost, written as the PEM files <c>vivido serve --tls-cert/--tls-key</c> read.</summary>
internal sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string certificateFile, string keyFile)
    {
        Certificate = certificate;
        CertificateFile = certificateFile;
        KeyFile = keyFile;
    }

    /// <summary>The public certificate (no private key): what a client trusts.</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    /// <summary>Creates the certificate with an ECDSA P-256 (SEC1 PEM) or RSA 2048 (PKCS#1 PEM) key and writes both files into <paramref name="directory"/>.</summary>
    public static TestCertificate Create(string directory, bool rsa = false, string name = "server")
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA r
            ? new CertificateRequest("CN=vivido-test", r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=vivido-test", (ECDsa)key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var withKey = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var certificateFile = Path.Combine(directory, name + ".crt");
        var keyFile = Path.Combine(directory, name + ".key");
        File.WriteAllText(certificateFile, withKey.ExportCertificatePem());
        File.WriteAllText(keyFile, key is RSA rsaKey ? rsaKey.ExportRSAPrivateKeyPem() : ((ECDsa)key).ExportECPrivateKeyPem());
        return new TestCertificate(X509CertificateLoader.LoadCertificate(withKey.RawData), certificateFile, keyFile);
    }

    public void Dispose() => Certificate.Dispose();
}
