using System.Diagnostics;
using System.Globalization;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// A replica as its own process: this build's <c>vivido serve</c> (vivido.dll next to the benchmark)
/// on a free loopback port, the database passed in VIVIDO_DATABASE (so no password shows in the
/// process list). Killed on dispose, on this process's exit, and by a watchdog shell if this process is killed.
/// </summary>
internal sealed class PgReplicaProcess : IPgReplica
{
    private const string ListeningMarker = "listening on ";
    private const int OutputLines = 20;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    // Kills the replica ($2) once the benchmark ($1) is gone, whatever way it ended.
    private const string WatchdogScript = """
        while kill -0 "$1" 2>/dev/null; do kill -0 "$2" 2>/dev/null || exit 0; sleep 1; done
        kill -KILL "$2" 2>/dev/null
        """;

    private readonly Process _process;
    private readonly Process _watchdog;

    private PgReplicaProcess(Process process, Process watchdog, Uri baseAddress)
    {
        _process = process;
        _watchdog = watchdog;
        BaseAddress = baseAddress;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public Uri BaseAddress { get; }

    public int? ProcessId => _process.Id;

    public static async Task<IPgReplica> StartAsync(string connectionString, string dataDirectory, string lifecycleFile, string replicaId)
    {
        var process = Process.Start(StartInfo(connectionString, dataDirectory, lifecycleFile, replicaId))
            ?? throw new InvalidOperationException("could not start vivido serve");
        var watchdog = Watch(process.Id);
        var output = new List<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Read(e.Data, output, listening);
        process.ErrorDataReceived += (_, e) => Read(e.Data, output, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartDeadline)).ConfigureAwait(false);
        if (first == listening.Task)
        {
            return new PgReplicaProcess(process, watchdog, await listening.Task.ConfigureAwait(false));
        }

        Kill(process);
        Kill(watchdog);
        await process.WaitForExitAsync().ConfigureAwait(false);
        var why = first == exited ? $"exited with code {process.ExitCode}" : $"did not listen within {StartDeadline.TotalSeconds} s";
        process.Dispose();
        watchdog.Dispose();
        string lines;
        lock (output)
        {
            lines = string.Join(Environment.NewLine, output);
        }

        throw new InvalidOperationException($"vivido serve ({replicaId}) {why}:{Environment.NewLine}{lines}");
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        Kill(_watchdog);
        _process.Dispose();
        _watchdog.Dispose();
    }

    private static ProcessStartInfo StartInfo(string connectionString, string dataDirectory, string lifecycleFile, string replicaId)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "vivido.dll");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"the CLI build output is missing: {cli}");
        }

        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "exec", cli, "serve", "--data", dataDirectory, "--lifecycle", lifecycleFile, "--replica-id", replicaId, "--urls", "http://127.0.0.1:0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the benchmark sets: VIVIDO_* variables of the calling shell must not change the replica.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("VIVIDO_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["VIVIDO_DATABASE"] = connectionString;
        start.Environment["VIVIDO_BOOTSTRAP_TOKEN"] = BenchServer.AdminSecret;
        return start;
    }

    private static void Read(string? line, List<string> output, TaskCompletionSource<Uri>? listening)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
            if (output.Count > OutputLines)
            {
                output.RemoveAt(0);
            }
        }

        var at = line.IndexOf(ListeningMarker, StringComparison.Ordinal);
        if (listening is not null && at >= 0)
        {
            listening.TrySetResult(new Uri(line[(at + ListeningMarker.Length)..].Split([';', ','])[0].Trim()));
        }
    }

    private static Process Watch(int pid)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", WatchdogScript, "vivido-bench-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), pid.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the replica watchdog");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private void OnProcessExit(object? sender, EventArgs e)
    {
        Kill(_process);
        Kill(_watchdog);
    }
}
