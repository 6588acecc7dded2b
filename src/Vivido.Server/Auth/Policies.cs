using Microsoft.AspNetCore.Authorization;
using Vivido.Core.Service;

namespace Vivido.Server.Auth;

/// <summary>Authorization policies per route: which roles may call it. Admin is in every policy; every role may read.</summary>
internal static class Policies
{
    public const string Read = "read";
    public const string Register = "register";
    public const string FireEvent = "fire-event";
    public const string Approve = "approve";
    public const string Veto = "veto";
    public const string Rollback = "rollback";
    public const string MoveTag = "move-tag";
    public const string ReportDeployment = "report-deployment";
    public const string Admin = "admin";
    public const string Admission = "admission";

    /// <summary>Policy name to the roles it admits, as documented in docs/api.md.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [Read] = [.. Roles.All],
        [Register] = [Roles.Ci, Roles.Admin],
        [FireEvent] = [Roles.Ci, Roles.Scanner, Roles.Deployer, Roles.Approver, Roles.Admin],
        [Approve] = [Roles.Approver, Roles.Admin],
        [Veto] = [Roles.Approver, Roles.Admin],
        [Rollback] = [Roles.Deployer, Roles.Admin],
        [MoveTag] = [Roles.Ci, Roles.Deployer, Roles.Admin],
        [ReportDeployment] = [Roles.Ci, Roles.Deployer, Roles.Admin],
        [Admin] = [Roles.Admin],
        [Admission] = [Roles.Deployer, Roles.Admin],
    };

    public static void Add(AuthorizationBuilder builder)
    {
        var authenticated = new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).RequireAuthenticatedUser().Build();
        builder.SetDefaultPolicy(authenticated).SetFallbackPolicy(authenticated);
        foreach (var (name, roles) in RolesByPolicy)
        {
            builder.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(roles));
        }
    }
}
