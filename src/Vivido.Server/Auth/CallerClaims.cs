using System.Security.Claims;
using Vivido.Core.Service;

namespace Vivido.Server.Auth;

/// <summary>Converts between a <see cref="Caller"/> and the claims of the authenticated principal.</summary>
internal static class CallerClaims
{
    public const string RepositoryPattern = "vivido:repository";

    public static ClaimsIdentity ToIdentity(Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Name) };
        claims.AddRange(caller.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(caller.RepositoryPatterns.Select(pattern => new Claim(RepositoryPattern, pattern)));
        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }

    /// <summary>The caller of an authenticated request; endpoints only run after authorization, so the name is present.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? throw new InvalidOperationException("the request is not authenticated"),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
        user.FindAll(RepositoryPattern).Select(c => c.Value).ToList());
}
