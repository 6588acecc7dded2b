namespace Vivido.Cli;

/// <summary>What the Vivido server said about one candidate.</summary>
internal enum ImportOutcome
{
    /// <summary>Registered now (or, in a dry run, would be).</summary>
    New,

    /// <summary>Vivido already knew the digest.</summary>
    Known,
}
