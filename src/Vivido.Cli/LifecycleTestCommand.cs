using System.CommandLine;
using Vivido.Core.PolicyTests;

namespace Vivido.Cli;

/// <summary>`vivido lifecycle test CASES.yaml [--lifecycle FILE]`.</summary>
internal static class LifecycleTestCommand
{
    public static Command Create()
    {
        var cases = new Argument<string>("CASES")
        {
            Description = "A policy test-case file (YAML): each case fires one event on one image and states the expected decision.",
        };
        var lifecycle = new Option<string?>("--lifecycle")
        {
            Description = "The lifecycle to test. Default: the file's 'lifecycle' key (relative to it), else the embedded default.",
        };
        var command = new Command(
            "test",
            "Run policy test cases: print PASS or FAIL per case and a summary; exit 1 if any case fails or a file is invalid.");
        command.Arguments.Add(cases);
        command.Options.Add(lifecycle);
        command.SetAction(async (parse, cancel) =>
        {
            var report = LifecycleTestRunner.RunFile(parse.GetRequiredValue(cases), parse.GetValue(lifecycle));
            var output = parse.InvocationConfiguration.Output;
            foreach (var diagnostic in report.Diagnostics)
            {
                await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            foreach (var result in report.Cases)
            {
                var line = result.Passed ? $"PASS {result.Name}" : $"FAIL {result.Name}: expected {result.Expected}, got {result.Actual}";
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            // Worded so that CI log scanners do not take it for the project's own test summary.
            var summary = report.IsValid
                ? $"{report.Cases.Count} cases against {report.LifecycleSource}: {report.PassedCount} passed, {report.FailedCount} failed"
                : $"not run: {report.Diagnostics.Count} problem(s) in the files";
            await output.WriteLineAsync(summary).ConfigureAwait(false);
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
        });
        return command;
    }
}
