using Bench.Sim.Grid;
using Bench.Sim.Instruments.Servers;

namespace Bench.Sim.Instruments;

/// <summary>
/// A simulated three-phase source on loopback that programs the virtual grid. It speaks its profile's dialect
/// (default instruments/bench-sim-source.yaml) and switches its output off when its controlling connection drops.
/// </summary>
public sealed class SimulatedSource : SimulatedInstrument
{
    private SimulatedSource(SimulatedGrid grid, SimulatedInstrumentOptions options, SimulatedEndpoints endpoints)
        : base(options, endpoints)
    {
        Grid = grid;
    }

    public const string DefaultProfile = "bench-sim-source.yaml";

    public SimulatedGrid Grid { get; }

    public static async Task<SimulatedSource> StartAsync(SimulatedGrid grid, SimulatedInstrumentOptions options, CancellationToken ct)
    {
        var profile = options.ResolveProfile(DefaultProfile);
        var device = new SourceDevice(grid, profile, options);
        var endpoints = await SimulatedEndpoints.StartAsync(device, options, ct).ConfigureAwait(false);
        return new SimulatedSource(grid, options, endpoints);
    }
}
