using Bench.Sim.Instruments.Scpi;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>The servers one simulated instrument listens on, started together and stopped together.</summary>
internal sealed class SimulatedEndpoints : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _servers = [];

    public string SocketResource { get; private set; } = string.Empty;

    public List<string> Resources { get; } = [];

    public static Task<SimulatedEndpoints> StartAsync(ScpiDevice device, SimulatedInstrumentOptions options, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var log = options.Logging?.CreateLogger("Bench.Sim." + device.Profile.Name);
        var endpoints = new SimulatedEndpoints();
        var socket = SocketScpiServer.Start(device, options.Host, options.Port, log);
        endpoints._servers.Add(socket);
        endpoints.SocketResource = socket.Resource;
        endpoints.Resources.Add(socket.Resource);
        return Task.FromResult(endpoints);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _servers)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }

        _servers.Clear();
    }
}
