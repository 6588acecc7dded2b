namespace Vivido.Benchmarks.Postgres;

/// <summary>One Vivido server of a <c>pg-http-*</c> or <c>pg-proc-*</c> segment, listening on a loopback port.</summary>
internal interface IPgReplica : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>Its process id when it is a child process (its CPU is measured), else null.</summary>
    int? ProcessId { get; }
}
