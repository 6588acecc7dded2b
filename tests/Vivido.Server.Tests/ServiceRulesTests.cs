using Vivido.Core.Service;
using Vivido.Server.Http;

namespace Vivido.Server.Tests;

public sealed class ServiceRulesTests
{
    [Theory]
    [InlineData("team-a/*", "team-a/api", true)]
    [InlineData("team-a/*", "team-a/tools/builder", true)]
    [InlineData("team-a/*", "team-b/api", false)]
    [InlineData("team-a/*", "team-a", false)]
    [InlineData("*/payment-*", "registry.example.com/payment-api", true)]
    [InlineData("registry.example.com/team/api", "registry.example.com/team/api", true)]
    [InlineData("registry.example.com/team/api", "registry.example.com/team/api2", false)]
    [InlineData("*", "anything/at/all", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    public void RepositoryPattern_Matches_WholeName(string pattern, string repository, bool expected) =>
        RepositoryPattern.Matches(pattern, repository).ShouldBe(expected);

    [Theory]
    [InlineData("team-a/*", true)]
    [InlineData("localhost:5000/x", true)]
    [InlineData("", false)]
    [InlineData("team a/*", false)]
    [InlineData("team-a/$", false)]
    public void RepositoryPattern_IsValid_RefusesWhitespaceAndSymbols(string pattern, bool expected) =>
        RepositoryPattern.IsValid(pattern).ShouldBe(expected);

    [Theory]
    [InlineData("team/api", true)]
    [InlineData("registry.example.com/team/payment-api", true)]
    [InlineData("localhost:5000/a__b/c.d", true)]
    [InlineData("api", true)]
    [InlineData("Team/api", true)]
    [InlineData("team/API", false)]
    [InlineData("team//api", false)]
    [InlineData("team/api/", false)]
    [InlineData("-team/api", false)]
    [InlineData("", false)]
    public void Names_IsRepository_FollowsOciNames(string repository, bool expected) => Names.IsRepository(repository).ShouldBe(expected);

    [Theory]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("sha256:0123", false)]
    [InlineData("sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void Names_IsDigest_NeedsLowercaseSha256(string digest, bool expected) => Names.IsDigest(digest).ShouldBe(expected);

    [Fact]
    public void Caller_Unscoped_CanAccessEverything()
    {
        new Caller("a", ["reader"], []).CanAccess("x/y").ShouldBeTrue();
        new Caller("a", ["reader"], ["team-a/*"]).CanAccess("x/y").ShouldBeFalse();
    }
}
