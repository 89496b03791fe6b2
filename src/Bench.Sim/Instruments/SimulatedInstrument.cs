using Bench.Sim.Instruments.Servers;

namespace Bench.Sim.Instruments;

/// <summary>What every simulated instrument shows a client: its options, injected faults and the endpoints it serves.</summary>
public abstract class SimulatedInstrument : IAsyncDisposable
{
    private readonly SimulatedEndpoints _endpoints;

    private protected SimulatedInstrument(SimulatedInstrumentOptions options, SimulatedEndpoints endpoints)
    {
        Options = options;
        _endpoints = endpoints;
    }

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

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _endpoints.DisposeAsync();
    }
}
