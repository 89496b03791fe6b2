using Bench.Sim.Grid;
using Bench.Sim.Instruments;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Visa.Tests;

/// <summary>A virtual bench on loopback for one test: fake clock, grid, simulated source and reference.</summary>
internal sealed class LoopbackBench : IAsyncDisposable
{
    private LoopbackBench(FakeTimeProvider time, SimulatedGrid grid, SimulatedSource source, SimulatedReference reference)
    {
        Time = time;
        Grid = grid;
        Source = source;
        Reference = reference;
    }

    public FakeTimeProvider Time { get; }

    public SimulatedGrid Grid { get; }

    public SimulatedSource Source { get; }

    public SimulatedReference Reference { get; }

    public static async Task<LoopbackBench> StartAsync(SimulatedInstrumentOptions? source = null, SimulatedInstrumentOptions? reference = null)
    {
        // Port 111 is shared by everything on 127.0.0.1: tests that need the portmapper give their own loopback host.
        source ??= new SimulatedInstrumentOptions { TryPortmapper = false };
        reference ??= new SimulatedInstrumentOptions { Serial = "REF0001", TryPortmapper = false };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var grid = new SimulatedGrid(time);
        var src = await SimulatedSource.StartAsync(grid, source, CancellationToken.None);
        var refr = await SimulatedReference.StartAsync(new GridObserver(grid), reference, CancellationToken.None);
        return new LoopbackBench(time, grid, src, refr);
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Reference.DisposeAsync();
    }
}
