namespace Vivido.Testing;

/// <summary>
/// The last resorts behind a throwaway server's <see cref="IAsyncDisposable.DisposeAsync"/>: at a normal process
/// exit it stops the child and deletes the directory; while a <see cref="ProcessWatchdog"/> is attached, that shell
/// does the same if the test process is killed. Disposing turns both off.
/// </summary>
internal sealed class CleanupGuard : IDisposable
{
    private readonly Action _stopChild;
    private readonly string _directory;
    private ProcessWatchdog? _watchdog;
    private bool _registered;

    /// <summary>Registers for process exit: then <paramref name="stopChild"/> runs and <paramref name="directory"/> is deleted.</summary>
    public CleanupGuard(Action stopChild, string directory)
    {
        ArgumentNullException.ThrowIfNull(stopChild);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _stopChild = stopChild;
        _directory = directory;
        _registered = true;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Attaches <paramref name="watchdog"/>, replacing (and stopping) any earlier one.</summary>
    public void Watch(ProcessWatchdog watchdog)
    {
        ArgumentNullException.ThrowIfNull(watchdog);
        StopWatchdog();
        _watchdog = watchdog;
    }

    /// <summary>Stops the attached watchdog, if any (the child is being stopped on purpose).</summary>
    public void StopWatchdog()
    {
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <summary>Unregisters from process exit and stops the watchdog; safe to call more than once.</summary>
    public void Dispose()
    {
        if (_registered)
        {
            _registered = false;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        }

        StopWatchdog();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // Reached only when a test run ends without disposing the server.
        _stopChild();
        StopWatchdog();
        TempDirectory.Delete(_directory);
    }
}
