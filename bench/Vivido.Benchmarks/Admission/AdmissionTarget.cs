using Vivido.Benchmarks.Common;
using Vivido.Core.Admitting;

namespace Vivido.Benchmarks.Admission;

/// <summary>What one row of the report measures: a review sent over HTTP to an address, or handed to the admission service in process.</summary>
internal sealed class AdmissionTarget : IDisposable
{
    private readonly HttpClient? _client;

    private AdmissionTarget(string name, Uri? address, byte[] review, HttpClient? client, Func<Task<bool>> send)
    {
        Name = name;
        Address = address;
        Review = review;
        _client = client;
        Send = send;
    }

    public string Name { get; }

    /// <summary>The server, for the open loop; null for an in-process target.</summary>
    public Uri? Address { get; }

    public byte[] Review { get; }

    /// <summary>Sends the review once; true when it was allowed.</summary>
    public Func<Task<bool>> Send { get; }

    /// <summary>POSTs over keep-alive connections, one per closed-loop client.</summary>
    public static AdmissionTarget Http(string name, Uri address, byte[] review, int clients)
    {
        var client = BenchHttp.CreateClient(address, clients, BenchServer.AdminSecret);
        return new AdmissionTarget(name, address, review, client, () => ReviewPost.SendAsync(client, review, CancellationToken.None));
    }

    /// <summary>Calls <see cref="AdmissionService.ValidateAsync"/> directly: no HTTP, no token check.</summary>
    public static AdmissionTarget InProcess(string name, AdmissionService service, byte[] review) =>
        new(name, null, review, null, async () => (await service.ValidateAsync(review).ConfigureAwait(false)).Allowed);

    public void Dispose() => _client?.Dispose();
}
