using System.Diagnostics;

namespace Vivido.Cli.Tests.Support;

/// <summary>
/// The real <c>vivido</c> as a child process (this build's output), for what an in-process run cannot
/// show: environment variables, and a server that runs until killed.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private const string ListeningMarker = "listening on ";
    private readonly Process _process;
    private readonly Task<string> _errors;
    private Task<string>? _rest;

    private CliProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The address a started <c>serve</c> listens on.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The start line a <c>serve</c> printed.</summary>
    public string StartLine { get; private set; } = string.Empty;

    /// <summary>Runs <c>vivido ARGS</c> to completion.</summary>
    public static async Task<ClientRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var cli = Start(environment, args);
        var output = await cli._process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await cli._process.WaitForExitAsync(deadline.Token);
        return new ClientRun(cli._process.ExitCode, output, await cli._errors);
    }

    /// <summary>Starts <c>vivido serve ARGS --urls http://127.0.0.1:0</c> and waits for its start line.</summary>
    public static Task<CliProcess> ServeAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ServeWithUrlsAsync(environment, [.. args, "--urls", "http://127.0.0.1:0"]);

    /// <summary>Starts <c>vivido serve ARGS</c> (which name their own <c>--urls</c>, e.g. https) and waits (60 s at most) for its start line.</summary>
    public static async Task<CliProcess> ServeWithUrlsAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var cli = Start(environment, ["serve", .. args]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await cli._process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                await cli._process.WaitForExitAsync(deadline.Token);
                var failure = $"vivido serve exited ({cli._process.ExitCode}) before listening: {await cli._errors}";
                await cli.DisposeAsync();
                throw new InvalidOperationException(failure);
            }

            var at = line.IndexOf(ListeningMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                cli.StartLine = line;
                cli.BaseAddress = new Uri(line[(at + ListeningMarker.Length)..].Split(';')[0].Trim());
                cli._rest = cli._process.StandardOutput.ReadToEndAsync();
                return cli;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _errors;
        if (_rest is not null)
        {
            await _rest;
        }

        _process.Dispose();
    }

    private static CliProcess Start(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "vivido.dll");
        File.Exists(cli).ShouldBeTrue($"the CLI build output is missing: {cli}");
        var start = new ProcessStartInfo(DotnetHost(), ["exec", cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only what the test sets: a VIVIDO_* variable of the machine running the tests must not leak in.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("VIVIDO_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment.Where(e => e.Value is not null))
        {
            start.Environment[name] = value;
        }

        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start vivido"));
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
