namespace Vivido.Cli;

/// <summary>One thing an import could not do: a repository, tag or digest, and the reason in one line.</summary>
internal sealed record ImportFailure(string Reference, string Reason);
