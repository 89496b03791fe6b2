using Bench.Sim.Grid;
using Bench.Sim.Instruments.Servers;

namespace Bench.Sim.Instruments;

/// <summary>
/// A simulated three-phase source on loopback that programs the virtual grid. It speaks its profile's dialect
/// (default instruments/bench-sim-source.yaml) and switches its output off when its controlling connection drops.
/// </summary>
public sealed class SimulatedSource : IAsyncDisposable
{
    private readonly SimulatedEndpoints _endpoints;

    private SimulatedSource(SimulatedGrid grid, SimulatedInstrumentOptions options, SimulatedEndpoints endpoints)
    {
        Grid = grid;
        Options = options;
        _endpoints = endpoints;
    }

    public const string DefaultProfile = "bench-sim-source.yaml";

    public SimulatedGrid Grid { get; }

    public SimulatedInstrumentOptions Options { get; }

    public SimulatedFaults Faults => Options.Faults;

    /// <summary>The raw SCPI socket, e.g. TCPIP::127.0.0.1::5025::SOCKET.</summary>
    public string Resource => _endpoints.SocketResource;

    /// <summary>The VXI-11 endpoint (TCPIP::host::inst0::INSTR, or host,port when port 111 was not bindable); null when not served.</summary>
    public string? Vxi11Resource => _endpoints.Vxi11Resource;

    /// <summary>The HiSLIP endpoint (TCPIP::host::hislip0,port::INSTR); null when not served.</summary>
    public string? HiSlipResource => _endpoints.HiSlipResource;

    /// <summary>Every endpoint it serves, one VISA resource name each (SOCKET first).</summary>
    public IReadOnlyList<string> Resources => _endpoints.Resources;

    public static async Task<SimulatedSource> StartAsync(SimulatedGrid grid, SimulatedInstrumentOptions options, CancellationToken ct)
    {
        var profile = options.ResolveProfile(DefaultProfile);
        var device = new SourceDevice(grid, profile, options);
        var endpoints = await SimulatedEndpoints.StartAsync(device, options, ct).ConfigureAwait(false);
        return new SimulatedSource(grid, options, endpoints);
    }

    public ValueTask DisposeAsync() => _endpoints.DisposeAsync();
}
