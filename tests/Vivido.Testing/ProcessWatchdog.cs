using System.Diagnostics;
using System.Globalization;

namespace Vivido.Testing;

/// <summary>
/// A shell that outlives a killed test process: once the test process is gone it stops the child it watches
/// and deletes the directory it was given. It gives up early when the watched child exits by itself.
/// Disposed (killed) when the test cleans up by itself.
/// </summary>
public sealed class ProcessWatchdog : IDisposable
{
    // $1 test pid, $2 child pid (0: none), $3 grace in tenths of a second before SIGKILL (0: no SIGINT), $4 directory ("": none).
    private const string Script = """
        while kill -0 "$1" 2>/dev/null; do
          [ "$2" = "0" ] || kill -0 "$2" 2>/dev/null || exit 0
          sleep 1
        done
        if [ "$2" != "0" ]; then
          if [ "$3" != "0" ]; then
            kill -INT "$2" 2>/dev/null
            i=0; while kill -0 "$2" 2>/dev/null && [ "$i" -lt "$3" ]; do sleep 0.1; i=$((i+1)); done
          fi
          kill -KILL "$2" 2>/dev/null
        fi
        [ -n "$4" ] && rm -rf "$4"
        exit 0
        """;

    private readonly Process _shell;
    private bool _disposed;

    private ProcessWatchdog(Process shell) => _shell = shell;

    /// <summary>
    /// Watches for the test process's death; then kills <paramref name="childPid"/> (0: none) and removes
    /// <paramref name="directory"/> (null: none). With a positive <paramref name="interruptGrace"/> the child first
    /// gets SIGINT and that long to exit before SIGKILL. <paramref name="name"/> labels the shell in process lists.
    /// </summary>
    public static ProcessWatchdog Start(string name, int childPid, string? directory, TimeSpan interruptGrace = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var graceTenths = (long)Math.Max(0, Math.Ceiling(interruptGrace.TotalSeconds * 10));
        foreach (var argument in (string[])["-c", Script, name, Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                     childPid.ToString(CultureInfo.InvariantCulture), graceTenths.ToString(CultureInfo.InvariantCulture), directory ?? string.Empty])
        {
            start.ArgumentList.Add(argument);
        }

        return new ProcessWatchdog(Process.Start(start) ?? throw new InvalidOperationException("could not start the watchdog shell"));
    }

    /// <summary>Kills the shell (the test is cleaning up by itself); safe to call more than once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_shell.HasExited)
            {
                _shell.Kill();
                _shell.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _shell.Dispose();
    }
}
