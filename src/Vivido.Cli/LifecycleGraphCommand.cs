using System.CommandLine;
using Vivido.Core.Graphs;

namespace Vivido.Cli;

/// <summary>`vivido lifecycle graph [FILE] --format mermaid|dot|svg`.</summary>
internal static class LifecycleGraphCommand
{
    public static Command Create()
    {
        var file = LifecycleCommands.FileArgument("The lifecycle file (YAML). Default: the embedded default lifecycle.");
        var format = new Option<string>("--format")
        {
            Description = "mermaid (stateDiagram-v2), dot (Graphviz) or svg (drawn by Vivido, no other tool needed).",
            DefaultValueFactory = _ => "mermaid",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg");
        var command = new Command("graph", "Draw a lifecycle: one box per state, one labelled arrow per (from, event, to). Writes to stdout.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.SetAction(async (parse, cancel) =>
        {
            var result = LifecycleCommands.Load(parse.GetValue(file));
            if (!result.IsValid)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                }

                return ExitCodes.Error;
            }

            var graphFormat = Enum.Parse<GraphFormat>(parse.GetValue(format)!, ignoreCase: true);
            await parse.InvocationConfiguration.Output.WriteAsync(LifecycleGraph.Render(result.Lifecycle!, graphFormat)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
