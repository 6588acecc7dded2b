using System.Diagnostics;
using Vivido.Testing;

namespace Vivido.Replicas.Tests.Support;

/// <summary>
/// One real <c>vivido serve</c> child process (this build's <c>vivido.dll</c>) on a free loopback port,
/// read back from its start line. Killed with SIGKILL on dispose, and by a watchdog if the test process dies.
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    public const string BootstrapVariable = "VIVIDO_BOOTSTRAP_TOKEN";
    private const string ListeningMarker = "listening on ";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ProcessWatchdog _watchdog;

    private ReplicaProcess(string replicaId, Process process, ProcessWatchdog watchdog, Uri baseAddress)
    {
        ReplicaId = replicaId;
        _process = process;
        _watchdog = watchdog;
        BaseAddress = baseAddress;
    }

    public string ReplicaId { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>vivido serve</c> and waits until it listens; throws with its output if it exits first.</summary>
    public static async Task<ReplicaProcess> StartAsync(ReplicaLaunch launch, string bootstrapToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var process = Process.Start(StartInfo(launch, bootstrapToken)) ?? throw new InvalidOperationException("could not start vivido serve");
        var watchdog = ProcessWatchdog.Start("vivido-replica-watchdog", process.Id, null);
        var output = new OutputTail();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            output.Add(e.Data);
            var at = e.Data?.IndexOf(ListeningMarker, StringComparison.Ordinal) ?? -1;
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(e.Data![(at + ListeningMarker.Length)..].Split(';')[0].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();

        Task? first = null;
        try
        {
            first = await Task.WhenAny(listening.Task, exited).WaitAsync(StartDeadline).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Reported below with the output so far.
        }

        if (first == listening.Task)
        {
            return new ReplicaProcess(launch.ReplicaId, process, watchdog, await listening.Task.ConfigureAwait(false));
        }

        var why = first == exited ? $"exited with code {process.ExitCode}" : $"did not listen within {StartDeadline.TotalSeconds}s";
        Stop(process);
        await process.WaitForExitAsync().ConfigureAwait(false);
        watchdog.Dispose();
        process.Dispose();
        throw new InvalidOperationException($"vivido serve {launch.ReplicaId} {why}:\n{output}");
    }

    /// <summary>SIGKILL, as in a crash: no shutdown hooks, the lease is not released.</summary>
    public async Task KillAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _watchdog.Dispose();
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(ReplicaLaunch launch, string bootstrapToken)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "vivido.dll");
        File.Exists(cli).ShouldBeTrue($"the CLI build output is missing: {cli}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "exec", cli, "serve", "--data", launch.DataDirectory, "--database", launch.Database, "--replica-id", launch.ReplicaId,
            "--lifecycle", launch.LifecycleFile, "--urls", "http://127.0.0.1:0", .. launch.ExtraArguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test sets: a VIVIDO_* variable of the machine running the tests must not leak in.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("VIVIDO_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment[BootstrapVariable] = bootstrapToken;
        return start;
    }

    private static void Stop(Process process)
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
}
