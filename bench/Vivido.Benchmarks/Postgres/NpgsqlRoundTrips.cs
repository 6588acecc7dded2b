using System.Diagnostics.Metrics;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// Counts the commands Npgsql executes in this process, from its <c>db.client.operation.duration</c>
/// metric: one measurement per command or batch sent, i.e. per round trip to the server.
/// </summary>
internal sealed class NpgsqlRoundTrips : IDisposable
{
    private const string Operation = "db.client.operation.duration";

    private readonly MeterListener _listener = new();
    private long _count;

    public NpgsqlRoundTrips()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Npgsql", StringComparison.Ordinal) && instrument.Name == Operation)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
        _listener.Start();
    }

    /// <summary>Round trips so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
