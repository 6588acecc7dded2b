using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Vivido.Testing;

public sealed partial class PostgresServer
{
    // A throwaway cluster never has to survive a machine crash, so durability settings are off for speed.
    private static readonly IReadOnlyDictionary<string, string> DefaultSettings = new Dictionary<string, string>
    {
        ["listen_addresses"] = "127.0.0.1",
        ["fsync"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "300",
        ["shared_buffers"] = "64MB",
    };

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-D", _dataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", Directory };
        foreach (var (name, value) in DefaultSettings.Concat(_settings).GroupBy(p => p.Key).Select(g => g.Last()))
        {
            arguments.Add("-c");
            arguments.Add($"{name}={value}");
        }

        var start = new ProcessStartInfo(AsRoot ? "runuser" : Path.Combine(_bin, "postgres"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Command(_bin, "postgres", [.. arguments]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start postgres");
        _process = process;
        process.OutputDataReceived += (_, e) => _log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
        Pid = int.Parse(File.ReadLines(Path.Combine(_dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        // Stops postgres (fast shutdown, then SIGKILL) and deletes the directory if the test process dies without disposing the server.
        _guard.Watch(ProcessWatchdog.Start("vivido-pg-watchdog", Pid, Directory, StopDeadline));
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        var probe = ConnectionString("postgres") + ";Pooling=false;Timeout=2";
        while (!process.HasExited)
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"postgres did not accept connections on port {Port} within {StartDeadline.TotalSeconds}s: {_log}");
            }

            if (await CanConnectAsync(probe, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException($"postgres exited with code {process.ExitCode} while starting on port {Port}: {_log}");
    }

    private static async Task<bool> CanConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var connection = new NpgsqlConnection(connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (NpgsqlException)
        {
            // Not accepting connections yet (starting up or in recovery).
            return false;
        }
    }
}
