using Bench.Sim.Grid;
using Bench.Sim.Instruments.Servers;

namespace Bench.Sim.Instruments;

/// <summary>
/// A simulated reference standard on loopback: measures the virtual grid with Bench.Dsp and integrates energy on the
/// grid's TimeProvider (a 60-s gate on a FakeTimeProvider takes milliseconds). Default profile instruments/bench-sim-reference.yaml.
/// </summary>
public sealed class SimulatedReference : IAsyncDisposable
{
    private readonly SimulatedEndpoints _endpoints;
    private readonly ReferenceDevice _device;

    private SimulatedReference(GridObserver observer, SimulatedInstrumentOptions options, ReferenceDevice device, SimulatedEndpoints endpoints)
    {
        Observer = observer;
        Options = options;
        _device = device;
        _endpoints = endpoints;
    }

    public const string DefaultProfile = "bench-sim-reference.yaml";

    public GridObserver Observer { get; }

    public SimulatedInstrumentOptions Options { get; }

    public SimulatedFaults Faults => Options.Faults;

    public string Resource => _endpoints.SocketResource;

    /// <summary>The VXI-11 endpoint (TCPIP::host::inst0::INSTR, or host,port when port 111 was not bindable); null when not served.</summary>
    public string? Vxi11Resource => _endpoints.Vxi11Resource;

    /// <summary>The HiSLIP endpoint (TCPIP::host::hislip0,port::INSTR); null when not served.</summary>
    public string? HiSlipResource => _endpoints.HiSlipResource;

    /// <summary>Every endpoint it serves, one VISA resource name each (SOCKET first).</summary>
    public IReadOnlyList<string> Resources => _endpoints.Resources;

    public static async Task<SimulatedReference> StartAsync(GridObserver observer, SimulatedInstrumentOptions options, CancellationToken ct)
    {
        var profile = options.ResolveProfile(DefaultProfile);
        var device = new ReferenceDevice(observer, profile, options);
        try
        {
            var endpoints = await SimulatedEndpoints.StartAsync(device, options, ct).ConfigureAwait(false);
            return new SimulatedReference(observer, options, device, endpoints);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _endpoints.DisposeAsync().ConfigureAwait(false);
        _device.Dispose();
    }
}
