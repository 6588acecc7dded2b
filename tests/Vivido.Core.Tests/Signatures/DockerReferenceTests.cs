using Vivido.Core.Signatures;

namespace Vivido.Core.Tests.Signatures;

public sealed class DockerReferenceTests
{
    [Theory]
    [InlineData("team/app", "docker.io/team/app")]
    [InlineData("nginx", "docker.io/library/nginx")]
    [InlineData("index.docker.io/team/app", "docker.io/team/app")]
    [InlineData("registry-1.docker.io/library/nginx:1.25", "docker.io/library/nginx")]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app")]
    [InlineData("localhost/team/app@sha256:abc", "localhost/team/app")]
    [InlineData("Registry.Example.com/team/app:v1", "registry.example.com/team/app")]
    public void Canonical_References_AreHostAndPath(string reference, string expected) =>
        DockerReference.Canonical(reference).ShouldBe(expected);
}
