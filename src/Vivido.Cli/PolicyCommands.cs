using System.CommandLine;
using System.Text.Json;
using Vivido.Cel;

namespace Vivido.Cli;

/// <summary>`vivido policy eval`: evaluates one CEL expression, as guards are evaluated.</summary>
internal static class PolicyCommands
{
    public static Command Create()
    {
        var command = new Command("policy", "Evaluate CEL guard expressions.");
        command.Subcommands.Add(CreateEval());
        return command;
    }

    private static Command CreateEval()
    {
        var expression = new Argument<string>("EXPR") { Description = "The CEL expression, e.g. 'image.scan.critical == 0'." };
        var input = new Option<FileInfo?>("--input")
        {
            Description = "A JSON object whose top-level keys become the expression's variables.",
        };
        var eval = new Command("eval", "Evaluate a CEL expression and print its result as JSON. Exit 1 on a compile or evaluation error.");
        eval.Arguments.Add(expression);
        eval.Options.Add(input);
        eval.SetAction(async (parse, cancel) =>
        {
            var activation = await ReadInputAsync(parse.GetValue(input), cancel).ConfigureAwait(false);
            var result = Evaluate(parse.GetRequiredValue(expression), activation);
            await parse.InvocationConfiguration.Output.WriteLineAsync(CelJson.Serialize(result)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return eval;
    }

    private static CelValue Evaluate(string source, CelActivation activation)
    {
        CelProgram program;
        try
        {
            program = CelProgram.Compile(source);
        }
        catch (CelCompileException ex)
        {
            throw new CliException($"compile error: {ex.Message}");
        }

        var result = program.Evaluate(activation);
        return result.IsError ? throw new CliException($"evaluation error: {result.ErrorMessage}") : result;
    }

    private static async Task<CelActivation> ReadInputAsync(FileInfo? file, CancellationToken cancel)
    {
        var activation = new CelActivation();
        if (file is null)
        {
            return activation;
        }

        if (!file.Exists)
        {
            throw new CliException($"input file not found: {file.FullName}");
        }

        try
        {
            await using var stream = file.OpenRead();
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancel).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"{file.Name}: the input must be a JSON object of variables");
            }

            foreach (var variable in document.RootElement.EnumerateObject())
            {
                activation.Set(variable.Name, CelJson.FromJson(variable.Value));
            }
        }
        catch (JsonException ex)
        {
            throw new CliException($"{file.Name}: invalid JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message.Split('.')[0]}");
        }

        return activation;
    }
}
