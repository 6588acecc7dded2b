using System.Diagnostics;
using System.Globalization;

namespace Vivido.Replicas.Tests.Support;

/// <summary>
/// A shell that outlives a killed test process: once the test process is gone it SIGKILLs the child it
/// watches and deletes the directory it was given. Disposed (killed) when the test cleans up by itself.
/// </summary>
internal sealed class ProcessWatchdog : IDisposable
{
    private const string Script = """
        while kill -0 "$1" 2>/dev/null; do sleep 1; done
        [ "$2" != "0" ] && kill -KILL "$2" 2>/dev/null
        [ -n "$3" ] && rm -rf "$3"
        exit 0
        """;

    private readonly Process _shell;

    private ProcessWatchdog(Process shell) => _shell = shell;

    /// <summary>Watches for the test process's death; then kills <paramref name="childPid"/> (0: none) and removes <paramref name="directory"/> (null: none).</summary>
    public static ProcessWatchdog Start(int childPid, string? directory)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", Script, "vivido-replica-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                     childPid.ToString(CultureInfo.InvariantCulture), directory ?? string.Empty])
        {
            start.ArgumentList.Add(argument);
        }

        return new ProcessWatchdog(Process.Start(start) ?? throw new InvalidOperationException("could not start the watchdog shell"));
    }

    public void Dispose()
    {
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
