namespace Vivido.Cli;

/// <summary>Process exit codes shared by every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad input, unreachable server, not found, invalid file, failed test case.</summary>
    public const int Error = 1;

    /// <summary>Refused by policy: unmet guards, or an event the state does not allow.</summary>
    public const int Refused = 3;

    /// <summary>Another writer changed the image first.</summary>
    public const int Conflict = 4;
}
