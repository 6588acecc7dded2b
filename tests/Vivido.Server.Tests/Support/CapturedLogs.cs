using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Vivido.Server.Tests.Support;

/// <summary>Keeps every log line a server writes, so a test can wait for one (e.g. the first 503 of an outage).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Polls until a line contains <paramref name="text"/>; fails after <paramref name="deadline"/>.</summary>
    public async Task WaitForAsync(string text, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
