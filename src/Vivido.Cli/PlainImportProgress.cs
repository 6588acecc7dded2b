using System.Globalization;

namespace Vivido.Cli;

/// <summary>Progress as plain lines (for logs and pipes): the phase, then every tenth of the way.</summary>
internal sealed class PlainImportProgress(TextWriter error) : IImportProgress
{
    private readonly Lock _lock = new();
    private string _phase = string.Empty;
    private int _total;
    private int _done;
    private int _lastTenth;

    public void Start(string phase, int total)
    {
        lock (_lock)
        {
            _phase = phase;
            _total = total;
            _done = 0;
            _lastTenth = 0;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {phase}: {total}"));
        }
    }

    public void Advance()
    {
        lock (_lock)
        {
            _done++;
            var tenth = _total == 0 ? 10 : _done * 10 / _total;
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {_phase}: {_done}/{_total}"));
            }
        }
    }
}
