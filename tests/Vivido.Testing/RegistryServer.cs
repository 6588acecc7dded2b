using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Vivido.Testing;

/// <summary>
/// A throwaway CNCF Distribution registry (<c>/usr/bin/docker-registry</c>) on a free loopback port, plain http,
/// storing in a temp directory, with deletes enabled and, when asked, notifications sent to a URL with a bearer
/// token. Killed and its directory deleted on dispose, or by a watchdog shell if the test process dies.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/docker-registry";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly OutputTail _log = new();
    private readonly CleanupGuard _guard;
    private Process? _process;
    private bool _disposed;

    private RegistryServer(string directory, int port)
    {
        Directory = directory;
        Port = port;
        _guard = new CleanupGuard(StopChildAtExit, directory);
    }

    /// <summary>The temp directory holding the configuration and the registry's storage.</summary>
    public string Directory { get; }

    /// <summary>The loopback port the registry listens on.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>: the registry host as it appears in repository names.</summary>
    public string Host => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseAddress => new("http://" + Host + "/");

    /// <summary>The registry's process id.</summary>
    public int Pid { get; private set; }

    /// <summary>The last lines the registry logged.</summary>
    public string Log => _log.ToString();

    /// <summary>
    /// Starts a fresh registry; with <paramref name="notificationUrl"/>, every event is posted there (with
    /// <c>Authorization: Bearer <paramref name="notificationToken"/></c> when given), with a short timeout and backoff.
    /// </summary>
    public static async Task<RegistryServer> StartAsync(string? notificationUrl = null, string? notificationToken = null, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("vivido-registry-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            var server = new RegistryServer(directory, LoopbackPort.Free());
            try
            {
                await server.LaunchAsync(notificationUrl, notificationToken, cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (Exception) when (attempt < 3 && server._log.ToString().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                server.Detach();
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Kills the registry and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _guard.Dispose();
        await StopAsync().ConfigureAwait(false);
        TempDirectory.Delete(Directory);
    }

    private async Task LaunchAsync(string? notificationUrl, string? notificationToken, CancellationToken cancellationToken)
    {
        var config = Path.Combine(Directory, "config.yml");
        await File.WriteAllTextAsync(config, Config(notificationUrl, notificationToken), cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start docker-registry");
        _process = process;
        Pid = process.Id;
        process.OutputDataReceived += (_, e) => _log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Kills the registry and deletes its directory if the test process dies without disposing the server.
        _guard.Watch(ProcessWatchdog.Start("vivido-registry-watchdog", Pid, Directory));
        await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
    }

    private string Config(string? notificationUrl, string? notificationToken)
    {
        var text = new StringBuilder()
            .AppendLine("version: 0.1")
            .AppendLine("log:")
            .AppendLine("  level: warn")
            .AppendLine("  accesslog:")
            .AppendLine("    disabled: true")
            .AppendLine("storage:")
            .AppendLine("  filesystem:")
            .AppendLine(CultureInfo.InvariantCulture, $"    rootdirectory: {Path.Combine(Directory, "data")}")
            .AppendLine("  delete:")
            .AppendLine("    enabled: true")
            .AppendLine("http:")
            .AppendLine(CultureInfo.InvariantCulture, $"  addr: {Host}");
        if (notificationUrl is not null)
        {
            text.AppendLine("notifications:")
                .AppendLine("  endpoints:")
                .AppendLine("    - name: vivido")
                .AppendLine(CultureInfo.InvariantCulture, $"      url: {notificationUrl}")
                .AppendLine("      timeout: 2s")
                .AppendLine("      threshold: 1")
                .AppendLine("      backoff: 200ms");
            if (notificationToken is not null)
            {
                text.AppendLine("      headers:")
                    .AppendLine(CultureInfo.InvariantCulture, $"        Authorization: [\"Bearer {notificationToken}\"]");
            }
        }

        return text.ToString();
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var elapsed = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (elapsed.Elapsed > StartDeadline)
            {
                throw new TimeoutException($"docker-registry did not answer on {Host} within {StartDeadline.TotalSeconds}s: {_log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "v2/"), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Probe timed out while the registry starts.
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException($"docker-registry exited with code {process.ExitCode} while starting on {Host}: {_log}");
    }

    private async Task StopAsync()
    {
        _guard.StopWatchdog();
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            ChildProcess.Signal(Pid, "KILL");
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
        Pid = 0;
    }

    private void StopChildAtExit()
    {
        if (_process is { HasExited: false })
        {
            ChildProcess.Signal(Pid, "KILL");
        }
    }

    /// <summary>Forgets a registry that never started, keeping the directory for the next attempt.</summary>
    private void Detach()
    {
        _guard.Dispose();
        _process?.Dispose();
        _process = null;
        _disposed = true;
    }
}
