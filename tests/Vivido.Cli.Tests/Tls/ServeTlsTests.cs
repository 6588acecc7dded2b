using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Vivido.Cli.Tests.Support;

namespace Vivido.Cli.Tests.Tls;

public sealed class ServeTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-serve-tls-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Serve_TlsCertAndKey_ServesHealthzOverHttpsWithThatCertificate(bool rsa)
    {
        using var certificate = TestCertificate.Create(_directory, rsa);
        await using var serve = await CliProcess.ServeWithUrlsAsync(new Dictionary<string, string?>(), 
            "--data", Path.Combine(_directory, "data"), "--urls", "https://127.0.0.1:0", "--tls-cert", certificate.CertificateFile, "--tls-key", certificate.KeyFile);
        using var client = TrustingOnly(certificate.Certificate, SslProtocols.None);

        var health = await client.GetFromJsonAsync<Dictionary<string, string>>(new Uri(serve.BaseAddress!, "/healthz"));

        serve.BaseAddress!.Scheme.ShouldBe("https");
        health.ShouldNotBeNull()["status"].ShouldBe("ok");
    }

    [Fact]
    public async Task Serve_Tls_AcceptsTls12AndRefusesClientsThatDoNotTrustTheCertificate()
    {
        using var certificate = TestCertificate.Create(_directory);
        using var stranger = TestCertificate.Create(_directory, name: "stranger");
        await using var serve = await CliProcess.ServeWithUrlsAsync(new Dictionary<string, string?>(), 
            "--data", Path.Combine(_directory, "data"), "--urls", "https://127.0.0.1:0", "--tls-cert", certificate.CertificateFile, "--tls-key", certificate.KeyFile);
        using var tls12 = TrustingOnly(certificate.Certificate, SslProtocols.Tls12);
        using var wrongTrust = TrustingOnly(stranger.Certificate, SslProtocols.None);
        var healthz = new Uri(serve.BaseAddress!, "/healthz");

        using var answer = await tls12.GetAsync(healthz);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => wrongTrust.GetAsync(healthz));

        answer.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        refused.InnerException.ShouldBeOfType<AuthenticationException>();
    }

    [Fact]
    public async Task Serve_TlsCertWithoutKey_Exits1WithOneLine()
    {
        using var certificate = TestCertificate.Create(_directory);

        var run = await ServeAsync("--urls", "https://127.0.0.1:0", "--tls-cert", certificate.CertificateFile);

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain("--tls-cert and --tls-key go together");
    }

    [Fact]
    public async Task Serve_TlsWithHttpUrl_Exits1WithOneLine()
    {
        using var certificate = TestCertificate.Create(_directory);

        var run = await ServeAsync("--urls", "https://127.0.0.1:0;http://127.0.0.1:0", "--tls-cert", certificate.CertificateFile, "--tls-key", certificate.KeyFile);

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain("http://127.0.0.1:0: with --tls-cert and --tls-key every URL must be https://");
    }

    [Fact]
    public async Task Serve_HttpsUrlWithoutTls_Exits1WithOneLine()
    {
        var run = await ServeAsync("--urls", "https://127.0.0.1:0");

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain("https needs --tls-cert and --tls-key");
    }

    [Fact]
    public async Task Serve_MissingCertificateFile_Exits1NamingTheFile()
    {
        using var certificate = TestCertificate.Create(_directory);
        var missing = Path.Combine(_directory, "missing.crt");

        var run = await ServeAsync("--urls", "https://127.0.0.1:0", "--tls-cert", missing, "--tls-key", certificate.KeyFile);

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain($"--tls-cert {missing}: cannot read the file");
    }

    [Fact]
    public async Task Serve_CertificateFileNotPem_Exits1NamingTheFile()
    {
        using var certificate = TestCertificate.Create(_directory);
        var garbage = Path.Combine(_directory, "garbage.crt");
        await File.WriteAllTextAsync(garbage, "not a certificate\n");

        var run = await ServeAsync("--urls", "https://127.0.0.1:0", "--tls-cert", garbage, "--tls-key", certificate.KeyFile);

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain($"--tls-cert {garbage}: no PEM certificate");
    }

    [Fact]
    public async Task Serve_KeyFileWithoutKey_Exits1NamingTheFile()
    {
        using var certificate = TestCertificate.Create(_directory);

        var run = await ServeAsync("--urls", "https://127.0.0.1:0", "--tls-cert", certificate.CertificateFile, "--tls-key", certificate.CertificateFile);

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain($"--tls-key {certificate.CertificateFile}: no unencrypted PEM private key");
    }

    [Fact]
    public async Task Serve_KeyOfAnotherCertificate_Exits1NamingBothFiles()
    {
        using var certificate = TestCertificate.Create(_directory);
        using var other = TestCertificate.Create(_directory, name: "other");

        var run = await ServeAsync("--urls", "https://127.0.0.1:0", "--tls-cert", certificate.CertificateFile, "--tls-key", other.KeyFile);

        run.ExitCode.ShouldBe(1);
        OneLine(run).ShouldContain($"--tls-key {other.KeyFile}: does not match the certificate in {certificate.CertificateFile}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<ClientRun> ServeAsync(params string[] args) => ClientRun.RunAsync(["serve", "--data", Path.Combine(_directory, "data"), .. args]);

    private static string OneLine(ClientRun run) => run.Error.Trim().Split('\n').ShouldHaveSingleItem();

    /// <summary>A client whose only trusted root is <paramref name="trusted"/>; host names are still checked.</summary>
    private static HttpClient TrustingOnly(X509Certificate2 trusted, SslProtocols protocols)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(trusted);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy, EnabledSslProtocols = protocols },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
