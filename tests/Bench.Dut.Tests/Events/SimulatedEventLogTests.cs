using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Events;

/// <summary>The simulated PM8000 logs dips, swells and interruptions from the grid; ModbusMeter reads them back.</summary>
public sealed class SimulatedEventLogTests
{
    [Test]
    public async Task Dip_swell_and_interruption_are_logged_and_read_back()
    {
        var t0 = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(t0);
        var grid = new SimulatedGrid(time);
        var nominal = ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50);
        grid.Program(nominal);
        grid.SwitchOutput(true);
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions(), CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, CancellationToken.None);

        // 10 s: a 200 ms dip to 50 % on L1 only; 20 s: a 500 ms swell to 115 % on all phases; 30 s: output off for 1.5 s.
        time.Advance(TimeSpan.FromSeconds(10));
        grid.Program(nominal with { Phases = [nominal.Phases[0] with { VoltageV = 115 }, nominal.Phases[1], nominal.Phases[2]] });
        time.Advance(TimeSpan.FromMilliseconds(200));
        grid.Program(nominal);
        time.Advance(TimeSpan.FromSeconds(10));
        grid.Program(ThreePhaseSetpoint.Balanced(264.5, 5, PowerFactor.Unity, 50));
        time.Advance(TimeSpan.FromMilliseconds(500));
        grid.Program(nominal);
        time.Advance(TimeSpan.FromSeconds(10));
        grid.SwitchOutput(false);
        time.Advance(TimeSpan.FromMilliseconds(1500));
        grid.SwitchOutput(true);

        var events = await meter.ReadEventsAsync(CancellationToken.None);

        // The reference's view of the same sequence (what was programmed); residual 115/230 = 50 %, swell 264.5/230 = 115 %.
        PqEvent[] reference =
        [
            new(PqEventKind.Dip, 0b001, t0.AddSeconds(10), TimeSpan.FromMilliseconds(200), 50),
            new(PqEventKind.Swell, 0b111, t0.AddSeconds(20.2), TimeSpan.FromMilliseconds(500), 115),
            new(PqEventKind.Interruption, 0b111, t0.AddSeconds(30.7), TimeSpan.FromMilliseconds(1500), 0),
        ];
        var matches = PqEventComparison.Compare(events, reference, PqEventTolerance.ClassA(50));
        Assert.Multiple(() =>
        {
            Assert.That(events, Has.Count.EqualTo(3));
            Assert.That(matches.Select(m => m.Passed), Is.All.True, string.Join("; ", matches.Select(m => m.Reason)));
            Assert.That(
                events.Select(e => (e.Kind, e.PhaseMask, e.Start, e.Duration)),
                Is.EqualTo(sim.Events.Select(e => (e.Kind, e.PhaseMask, e.Start, e.Duration))),
                "the register copy equals what the simulator logged");
            Assert.That(events[0].ExtremePercentOfDeclared, Is.EqualTo(sim.Events[0].ExtremePercentOfDeclared).Within(1e-5), "FLOAT32 in the register");
        });
    }
}
