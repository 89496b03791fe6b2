using Bench.Sim.Grid;
using Bench.Sim.Instruments.Servers;

namespace Bench.Sim.Instruments;

/// <summary>
/// A simulated reference standard on loopback: measures the virtual grid with Bench.Dsp and integrates energy on the
/// grid's TimeProvider (a 60-s gate on a FakeTimeProvider takes milliseconds). Default profile instruments/bench-sim-reference.yaml.
/// </summary>
public sealed class SimulatedReference : SimulatedInstrument
{
    private readonly ReferenceDevice _device;

    private SimulatedReference(GridObserver observer, SimulatedInstrumentOptions options, ReferenceDevice device, SimulatedEndpoints endpoints)
        : base(options, endpoints)
    {
        Observer = observer;
        _device = device;
    }

    public const string DefaultProfile = "bench-sim-reference.yaml";

    public GridObserver Observer { get; }

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        _device.Dispose();
    }
}
