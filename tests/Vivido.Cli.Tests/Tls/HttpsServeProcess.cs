using System.Diagnostics;

namespace Vivido.Cli.Tests.Tls;

/// <summary>
/// The real <c>vivido serve</c> (this build's output) as a child process with the caller's own
/// <c>--urls</c>, for HTTPS listeners; the bound address is read back from the start line.
/// </summary>
internal sealed class HttpsServeProcess : IAsyncDisposable
{
    private const string ListeningMarker = "listening on ";
    private readonly Process _process;
    private readonly Task<string> _errors;
    private Task<string>? _rest;

    private HttpsServeProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public Uri BaseAddress { get; private set; } = new("https://127.0.0.1/");

    /// <summary>Starts <c>vivido serve ARGS</c> and waits (60 s at most) for its start line.</summary>
    public static async Task<HttpsServeProcess> StartAsync(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "vivido.dll");
        File.Exists(cli).ShouldBeTrue($"the CLI build output is missing: {cli}");
        var start = new ProcessStartInfo(DotnetHost(), ["exec", cli, "serve", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("VIVIDO_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        var serve = new HttpsServeProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start vivido serve"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await serve._process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                await serve._process.WaitForExitAsync(deadline.Token);
                var failure = $"vivido serve exited ({serve._process.ExitCode}) before listening: {await serve._errors}";
                await serve.DisposeAsync();
                throw new InvalidOperationException(failure);
            }

            var at = line.IndexOf(ListeningMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                serve.BaseAddress = new Uri(line[(at + ListeningMarker.Length)..].Split(';')[0].Trim());
                serve._rest = serve._process.StandardOutput.ReadToEndAsync();
                return serve;
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

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
