using System.Text;

namespace Vivido.Testing;

/// <summary>The last lines a process wrote, for error messages.</summary>
public sealed class OutputTail
{
    private const int MaxLines = 40;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    /// <summary>Keeps the line, dropping the oldest beyond the limit.</summary>
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            return new StringBuilder().AppendJoin('\n', _lines).ToString();
        }
    }
}
