using Vivido.Core.Admission;

namespace Vivido.Core.Tests.Admission;

public sealed class ImageReferenceTests
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string, string, string?, string?, bool> Valid => new()
    {
        { "nginx", "docker.io", "library/nginx", "latest", null, true },
        { "nginx:1.25", "docker.io", "library/nginx", "1.25", null, false },
        { "library/nginx:1.25", "docker.io", "library/nginx", "1.25", null, false },
        { "docker.io/library/nginx:1.25", "docker.io", "library/nginx", "1.25", null, false },
        { "index.docker.io/library/nginx", "docker.io", "library/nginx", "latest", null, true },
        { "index.docker.io/nginx:stable", "docker.io", "library/nginx", "stable", null, false },
        { "bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", null, false },
        { "ghcr.io/acme/api:v1.0.0", "ghcr.io", "acme/api", "v1.0.0", null, false },
        { "ghcr.io/app", "ghcr.io", "app", "latest", null, true },
        { "localhost:5000/team/app:dev", "localhost:5000", "team/app", "dev", null, false },
        { "localhost/app", "localhost", "app", "latest", null, true },
        { "127.0.0.1:5000/app:1", "127.0.0.1:5000", "app", "1", null, false },
        { "[::1]:5000/app:1", "[::1]:5000", "app", "1", null, false },
        { "Registry.Example.COM/team/app:Tag_1", "registry.example.com", "team/app", "Tag_1", null, false },
        { "registry.example.com:8443/a/b/c@" + DigestA, "registry.example.com:8443", "a/b/c", null, DigestA, false },
        { "nginx@" + DigestA, "docker.io", "library/nginx", null, DigestA, false },
        { "docker.io/library/redis:latest@" + DigestB, "docker.io", "library/redis", "latest", DigestB, false },
        { "my_repo/foo__bar-baz.qux:tag_1", "docker.io", "my_repo/foo__bar-baz.qux", "tag_1", null, false },
        { "a--b/c", "docker.io", "a--b/c", "latest", null, true },
        { "localhost:5000", "docker.io", "library/localhost", "5000", null, false },
        { "nginx:" + new string('t', 128), "docker.io", "library/nginx", new string('t', 128), null, false },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "", "invalid image reference '': it is empty" },
        { "Nginx", "invalid image reference 'Nginx': repository names must be lowercase" },
        { "ghcr.io/Acme/app", "invalid image reference 'ghcr.io/Acme/app': repository names must be lowercase" },
        { "nginx:", "a tag is 1 to 128" },
        { "nginx:-bad", "a tag is 1 to 128" },
        { "nginx:" + new string('t', 129), "a tag is 1 to 128" },
        { "nginx@sha512:" + new string('a', 128), "digest algorithm 'sha512' is not supported; use sha256" },
        { "nginx@sha256:" + new string('A', 64), "a sha256 digest has 64 lowercase hex characters" },
        { "nginx@sha256:abc", "a sha256 digest has 64 lowercase hex characters" },
        { "nginx@", "a digest is an algorithm and hex" },
        { "a@b@" + DigestA, "digest algorithm 'b@sha256' is not supported" },
        { "foo//bar", "repository path components" },
        { "foo/", "repository path components" },
        { "-foo", "repository path components" },
        { "foo..bar", "repository path components" },
        { "foo._bar", "repository path components" },
        { "foo___bar", "repository path components" },
        { "nginx latest", "repository path components" },
        { "ghcr.io:/app", "'ghcr.io:' is not a valid registry host[:port]" },
        { "ghcr.io:abc/app", "is not a valid registry host[:port]" },
        { "exa_mple.com/app", "is not a valid registry host[:port]" },
        { ":tag", "the repository name is missing" },
        { new string('a', 64), "is an image ID, not a repository name" },
        { new string('a', 256), "the repository name is longer than 255 characters" },
        { "ghcr.io/" + new string('a', 4100), "longer than 4096 characters" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidForms_NormalisesLikeDocker(string text, string registry, string path, string? tag, string? digest, bool implicitTag)
    {
        ImageReference.TryParse(text, out var reference, out var error).ShouldBeTrue(error);

        reference.ShouldNotBeNull();
        error.ShouldBeNull();
        reference.Original.ShouldBe(text);
        reference.Registry.ShouldBe(registry);
        reference.Path.ShouldBe(path);
        reference.Repository.ShouldBe($"{registry}/{path}");
        reference.Tag.ShouldBe(tag);
        reference.Digest.ShouldBe(digest);
        reference.ImplicitTag.ShouldBe(implicitTag);
        reference.IsPinned.ShouldBe(digest is not null);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidForms_OneLineError(string text, string expected)
    {
        ImageReference.TryParse(text, out var reference, out var error).ShouldBeFalse();

        reference.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain(expected);
        error.ShouldStartWith("invalid image reference '");
        error.ShouldNotContain('\n');
        error.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void TryParse_Null_ReportsEmpty()
    {
        ImageReference.TryParse(null, out _, out var error).ShouldBeFalse();

        error.ShouldBe("invalid image reference '': it is empty");
    }

    [Fact]
    public void TryParse_ControlCharacters_EscapedInError()
    {
        ImageReference.TryParse("nginx\nevil", out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull();
        error.ShouldContain("nginx\\u000aevil");
    }

    [Theory]
    [InlineData("nginx:1.25", "docker.io/library/nginx:1.25@" + DigestA)]
    [InlineData("nginx", "docker.io/library/nginx:latest@" + DigestA)]
    [InlineData("localhost:5000/team/app@" + DigestB, "localhost:5000/team/app@" + DigestA)]
    [InlineData("ghcr.io/acme/api:v1@" + DigestB, "ghcr.io/acme/api:v1@" + DigestA)]
    public void PinnedTo_Digest_KeepsTag(string text, string expected)
    {
        ImageReference.TryParse(text, out var reference, out _).ShouldBeTrue();

        reference.PinnedTo(DigestA).ShouldBe(expected);
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("md5:aaaa")]
    [InlineData("aaaa")]
    public void PinnedTo_MalformedDigest_Throws(string digest)
    {
        ImageReference.TryParse("nginx:1.25", out var reference, out _).ShouldBeTrue();

        Should.Throw<ArgumentException>(() => reference.PinnedTo(digest));
    }

    [Theory]
    [InlineData("nginx", "docker.io/library/nginx")]
    [InlineData("nginx:1.25", "docker.io/library/nginx:1.25")]
    [InlineData("ghcr.io/a/b:v1@" + DigestA, "ghcr.io/a/b:v1@" + DigestA)]
    public void Canonical_Forms_OmitImplicitTag(string text, string expected)
    {
        ImageReference.TryParse(text, out var reference, out _).ShouldBeTrue();

        reference.Canonical.ShouldBe(expected);
        reference.ToString().ShouldBe(expected);
    }
}
