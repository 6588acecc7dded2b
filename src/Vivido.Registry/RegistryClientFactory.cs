using System.Collections.Concurrent;

namespace Vivido.Registry;

/// <summary>One configured <see cref="RegistryClient"/> per registry host, sharing one connection pool; dispose to close them.</summary>
public sealed class RegistryClientFactory : IDisposable
{
    private readonly RegistrySettings _settings;
    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<RegistryClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="settings">Per-host access settings.</param>
    /// <param name="handler">The HTTP handler to send through (tests pass a stub); not disposed by the factory when given.</param>
    /// <param name="time">The clock for token expiry and retry pauses.</param>
    public RegistryClientFactory(RegistrySettings settings, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _ownsHandler = handler is null;
        _handler = handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How GET and HEAD requests are retried.</summary>
    public RegistryRetryOptions Retry { get; init; } = RegistryRetryOptions.Default;

    /// <summary>The settings the clients are configured from.</summary>
    public RegistrySettings Settings => _settings;

    /// <summary>The client for <paramref name="host"/> (e.g. <c>127.0.0.1:5000</c>); the same instance on every call.</summary>
    public RegistryClient For(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return _clients.GetOrAdd(host, h => new Lazy<RegistryClient>(() => new RegistryClient(_settings.For(h), _handler, _time, Retry))).Value;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
        if (_ownsHandler)
        {
            _handler.Dispose();
        }
    }
}
