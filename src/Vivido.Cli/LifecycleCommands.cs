using System.CommandLine;
using Vivido.Core.Lifecycles;

namespace Vivido.Cli;

/// <summary>`vivido lifecycle validate|graph|test`: work locally on lifecycle files, no server needed.</summary>
internal static class LifecycleCommands
{
    public static Command Create()
    {
        var command = new Command("lifecycle", "Validate, draw and test lifecycle files.");
        command.Subcommands.Add(LifecycleValidateCommand.Create());
        command.Subcommands.Add(LifecycleGraphCommand.Create());
        command.Subcommands.Add(LifecycleTestCommand.Create());
        return command;
    }

    /// <summary>The optional FILE argument shared by validate and graph.</summary>
    public static Argument<string?> FileArgument(string description) => new("FILE")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = description,
    };

    /// <summary>Loads FILE, or the embedded default when none is given; an unreadable file is a one-line error.</summary>
    public static LifecycleLoadResult Load(string? path)
    {
        if (path is null)
        {
            return LifecycleLoader.Load(LifecycleLoader.DefaultYaml(), LifecycleLoader.DefaultSourceName);
        }

        try
        {
            return LifecycleLoader.LoadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read lifecycle file {path}: {ex.Message}");
        }
    }
}
