using System.Security.Cryptography;
using Vivido.Core.Signatures;
using Vivido.Testing;

namespace Vivido.Core.Tests.Signatures;

public sealed class SigningKeyringTests
{
    [Fact]
    public void Load_AliceFile_NamesTheKey()
    {
        using var keys = SigningKeyring.Load(new Dictionary<string, string> { ["release"] = TestPaths.Fixture("cosign", "alice-cosign.pub") });

        keys.Names.ShouldBe(["release"]);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingKeyAndPath()
    {
        var error = Should.Throw<ArgumentException>(() => SigningKeyring.Load(new Dictionary<string, string> { ["release"] = "/nonexistent/key.pub" }));

        error.Message.ShouldContain("signing key 'release'");
        error.Message.ShouldContain("/nonexistent/key.pub");
    }

    [Fact]
    public void FromPem_NotPem_ThrowsNamingKey()
    {
        var error = Should.Throw<ArgumentException>(() => SigningKeyring.FromPem(new Dictionary<string, string> { ["release"] = "hello" }));

        error.Message.ShouldContain("signing key 'release' is not a PEM ECDSA public key");
    }

    [Fact]
    public void FromPem_P384Key_ThrowsNotP256()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Should.Throw<ArgumentException>(() => SigningKeyring.FromPem(new Dictionary<string, string> { ["big"] = key.ExportSubjectPublicKeyInfoPem() }));

        error.Message.ShouldBe("signing key 'big' is not an ECDSA P-256 key");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void FromPem_BadName_Throws(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Should.Throw<ArgumentException>(() => SigningKeyring.FromPem(new Dictionary<string, string> { [name] = key.ExportSubjectPublicKeyInfoPem() }))
            .Message.ShouldContain("signing key name");
    }
}
