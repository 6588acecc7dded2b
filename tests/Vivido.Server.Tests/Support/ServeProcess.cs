using System.Diagnostics;

namespace Vivido.Server.Tests.Support;

/// <summary>
/// A real <c>vivido serve</c> process from this build's output (the CLI is built once, as a project
/// reference of this test project), bound to a free loopback port (port 0, read back from its start line).
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private const string ListeningMarker = "listening on ";
    private readonly Process _process;
    private readonly Task _drain;

    private ServeProcess(Process process, Uri address, Task drain)
    {
        _process = process;
        BaseAddress = address;
        _drain = drain;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static async Task<ServeProcess> StartAsync(string dataDirectory, string? lifecycleFile, string bootstrapToken)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "vivido.dll");
        File.Exists(cli).ShouldBeTrue($"the CLI build output is missing: {cli}");
        var start = new ProcessStartInfo(DotnetHost(), ["exec", cli, "serve", "--data", dataDirectory, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (lifecycleFile is not null)
        {
            start.ArgumentList.Add("--lifecycle");
            start.ArgumentList.Add(lifecycleFile);
        }

        start.Environment["VIVIDO_BOOTSTRAP_TOKEN"] = bootstrapToken;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start vivido serve");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"vivido serve exited before listening: {await errors}");
            }

            var at = line.IndexOf(ListeningMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var url = line[(at + ListeningMarker.Length)..].Split(';')[0].Trim();
                var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), errors);
                return new ServeProcess(process, new Uri(url), drain);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _drain.Wait(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
