namespace Vivido.Evidence.Tests;

public sealed class PackageUrlTests
{
    [Fact]
    public void Parse_DebianSpecExample_AllComponents()
    {
        var purl = PackageUrl.Parse("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie");

        purl.Type.ShouldBe("deb");
        purl.Namespace.ShouldBe("debian");
        purl.Name.ShouldBe("curl");
        purl.Version.ShouldBe("7.50.3-1");
        purl.Qualifiers.ShouldBe(new Dictionary<string, string> { ["arch"] = "i386", ["distro"] = "jessie" });
        purl.Subpath.ShouldBeNull();
        purl.Base.ShouldBe("pkg:deb/debian/curl");
    }

    [Fact]
    public void Parse_NpmScopedEncoded_NamespaceDecodedAndCaseKept()
    {
        var purl = PackageUrl.Parse("pkg:npm/%40angular/Animation@12.3.1");

        purl.Namespace.ShouldBe("@angular");
        purl.Name.ShouldBe("Animation");
        purl.Base.ShouldBe("pkg:npm/%40angular/Animation");
    }

    [Fact]
    public void Parse_GithubWithSubpath_LowercasedAndSubpathCleaned()
    {
        var purl = PackageUrl.Parse("pkg:GitHub/Package-URL/Purl-Spec@244fd47e07d1004#everybody/./loves/../dogs/");

        purl.Type.ShouldBe("github");
        purl.Base.ShouldBe("pkg:github/package-url/purl-spec");
        purl.Version.ShouldBe("244fd47e07d1004");
        purl.Subpath.ShouldBe("everybody/loves/dogs");
    }

    [Fact]
    public void Parse_PypiName_LowercasedWithDashes()
    {
        PackageUrl.Parse("pkg:pypi/Django_Allauth@12.23").Base.ShouldBe("pkg:pypi/django-allauth");
    }

    [Fact]
    public void Parse_RpmName_CaseSensitiveNamespaceLowercased()
    {
        PackageUrl.Parse("pkg:rpm/Fedora/NetworkManager@1.0").Base.ShouldBe("pkg:rpm/fedora/NetworkManager");
    }

    [Fact]
    public void Parse_MavenQualifiersAndCase_Kept()
    {
        var purl = PackageUrl.Parse("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?Type=zip&classifier=dist");

        purl.Namespace.ShouldBe("org.apache.xmlgraphics");
        purl.Qualifiers["type"].ShouldBe("zip");
        purl.ToString().ShouldBe("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=dist&type=zip");
    }

    [Fact]
    public void Parse_OciDigestVersion_PercentDecoded()
    {
        var purl = PackageUrl.Parse("pkg:oci/Debian@sha256%3A244fd47e07d10?repository_url=docker.io/library/debian&arch=amd64&tag=latest");

        purl.Name.ShouldBe("debian");
        purl.Version.ShouldBe("sha256:244fd47e07d10");
        purl.Qualifiers["repository_url"].ShouldBe("docker.io/library/debian");
    }

    [Fact]
    public void Parse_GolangWithSubpath_NamespaceSegments()
    {
        var purl = PackageUrl.Parse("pkg:golang/google.golang.org/genproto#googleapis/api/annotations");

        purl.Namespace.ShouldBe("google.golang.org");
        purl.Name.ShouldBe("genproto");
        purl.Version.ShouldBeNull();
        purl.Subpath.ShouldBe("googleapis/api/annotations");
    }

    [Fact]
    public void Parse_SchemeWithSlashes_Tolerated()
    {
        PackageUrl.Parse("pkg://apk/alpine/musl@1.2.2-r9").Base.ShouldBe("pkg:apk/alpine/musl");
    }

    [Fact]
    public void Parse_EmptyQualifierValue_Discarded()
    {
        PackageUrl.Parse("pkg:gem/rails@7.0?platform=&x=1").Qualifiers.Keys.ShouldBe(["x"]);
    }

    [Theory]
    [InlineData("", "the package URL is empty")]
    [InlineData("npm/foo@1", "\"npm/foo@1\" is not a package URL: it must start with pkg:")]
    [InlineData("http://example.com/x", "\"http://example.com/x\" is not a package URL: it must start with pkg:")]
    [InlineData("pkg:1abc/foo", "\"pkg:1abc/foo\" is not a package URL: the type \"1abc\" is not valid")]
    [InlineData("pkg:npm/@1.0", "\"pkg:npm/@1.0\" is not a package URL: the name is missing")]
    [InlineData("pkg:npm", "\"pkg:npm\" is not a package URL: the name is missing")]
    [InlineData("pkg:npm/a?b=1&b=2", "the package URL qualifier \"b\" is given twice")]
    public void Parse_Invalid_ThrowsFormatExceptionSayingWhy(string text, string message)
    {
        Should.Throw<FormatException>(() => PackageUrl.Parse(text)).Message.ShouldBe(message);
        PackageUrl.TryParse(text, out var purl).ShouldBeFalse();
        purl.ShouldBeNull();
    }

    [Fact]
    public void ToString_RoundTrips()
    {
        const string text = "pkg:apk/alpine/musl@1.2.2-r9?arch=x86_64&distro=3.15.11";

        PackageUrl.Parse(text).ToString().ShouldBe(text);
        PackageUrl.Parse(PackageUrl.Parse("pkg:npm/%40angular/animation@12.3.1").ToString()).Namespace.ShouldBe("@angular");
    }
}
