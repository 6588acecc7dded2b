using System.CommandLine;

namespace Vivido.Cli;

/// <summary>`vivido lifecycle validate [FILE]`.</summary>
internal static class LifecycleValidateCommand
{
    public static Command Create()
    {
        var file = LifecycleCommands.FileArgument("The lifecycle file (YAML). Default: the embedded default lifecycle.");
        var command = new Command(
            "validate",
            "Check a lifecycle file: print 'valid', or every problem as FILE:LINE:COL: message and exit 1.");
        command.Arguments.Add(file);
        command.SetAction(async (parse, cancel) =>
        {
            var result = LifecycleCommands.Load(parse.GetValue(file));
            var output = parse.InvocationConfiguration.Output;
            if (result.IsValid)
            {
                await output.WriteLineAsync("valid").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Error;
        });
        return command;
    }
}
