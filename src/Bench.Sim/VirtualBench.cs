using Bench.Core.Time;
using Bench.Sim.Grid;
using Bench.Sim.Instruments;
using Bench.Sim.Meter;
using Bench.Sim.Time;

namespace Bench.Sim;

/// <summary>
/// The whole virtual bench on loopback: one simulated grid, a source that programs it, a reference standard and a
/// PM8000 that observe it, each a server speaking its real protocol. The drivers a lab uses connect to
/// <see cref="SourceResource"/>, <see cref="ReferenceResource"/> and <see cref="MeterResource"/>.
/// </summary>
public sealed class VirtualBench : IAsyncDisposable
{
    private VirtualBench(TimeProvider time, SimulatedGrid grid, SimulatedSource source, SimulatedReference reference, SimulatedPm8000 meter)
    {
        TimeProvider = time;
        Clock = time is VirtualTimeProvider v ? new VirtualBenchClock(v) : new RealBenchClock(time);
        Grid = grid;
        Source = source;
        Reference = reference;
        Meter = meter;
    }

    /// <summary>Virtual time (advanced by <see cref="Clock"/>), or the wall clock for `bench sim`.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The clock the executor waits on: waiting advances the simulators' shared virtual time.</summary>
    public IBenchClock Clock { get; }

    public SimulatedGrid Grid { get; }

    public SimulatedSource Source { get; }

    public SimulatedReference Reference { get; }

    public SimulatedPm8000 Meter { get; }

    public string SourceResource => Source.Resource;

    public string ReferenceResource => Reference.Resource;

    public string MeterResource => Meter.Resource;

    public static async Task<VirtualBench> StartAsync(VirtualBenchOptions options, CancellationToken cancellationToken)
    {
        TimeProvider time = options.RealTime ? System.TimeProvider.System : new VirtualTimeProvider(options.Start ?? DateTimeOffset.UtcNow);
        var grid = new SimulatedGrid(time, options.NominalFrequencyHz);

        // Each instrument samples the grid on its own, non-coherent time base, as separate instruments would.
        var referenceView = new GridObserver(grid, samplesPerCycle: 512.37, windows: 1, startPhaseS: 0.00071);
        var meterView = new GridObserver(grid, samplesPerCycle: 256.3, windows: 1, startPhaseS: 0.00123);
        SimulatedSource? source = null;
        SimulatedReference? reference = null;
        try
        {
            source = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Profile = options.SourceProfile }, cancellationToken);
            reference = await SimulatedReference.StartAsync(referenceView, new SimulatedInstrumentOptions { Profile = options.ReferenceProfile }, cancellationToken);
            var meter = await SimulatedPm8000.StartAsync(meterView, options.Meter, cancellationToken);
            return new VirtualBench(time, grid, source, reference, meter);
        }
        catch
        {
            if (reference is not null)
            {
                await reference.DisposeAsync();
            }

            if (source is not null)
            {
                await source.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Meter.DisposeAsync();
        await Reference.DisposeAsync();
        await Source.DisposeAsync();
    }
}
