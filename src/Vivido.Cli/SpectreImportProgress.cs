using Spectre.Console;

namespace Vivido.Cli;

/// <summary>Progress bars on stderr for a terminal: one bar per phase.</summary>
internal sealed class SpectreImportProgress : IImportProgress
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;

    private SpectreImportProgress(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="work"/> while drawing its progress on the terminal's stderr.</summary>
    public static Task<T> RunAsync<T>(Func<IImportProgress, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => work(new SpectreImportProgress(context)));
    }

    public void Start(string phase, int total)
    {
        _task?.StopTask();
        _task = _context.AddTask(phase, maxValue: Math.Max(total, 1));
        if (total == 0)
        {
            _task.Value = 1;
        }
    }

    public void Advance() => _task?.Increment(1);
}
