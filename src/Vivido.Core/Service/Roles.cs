namespace Vivido.Core.Service;

/// <summary>The roles a token may hold. Admin may do everything; every role may read.</summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Ci = "ci";
    public const string Scanner = "scanner";
    public const string Deployer = "deployer";
    public const string Approver = "approver";
    public const string Admin = "admin";

    /// <summary>Every role, in the order documented.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Ci, Scanner, Deployer, Approver, Admin];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
