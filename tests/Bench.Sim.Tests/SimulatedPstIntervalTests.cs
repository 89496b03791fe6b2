using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Sim.Meter;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Tests;

/// <summary>
/// The simulated meter's Pst registers show the last complete clock-aligned 10-minute interval (IEC 61000-4-30
/// §4.5) only when the grid was steady through all of it: "not available" before, and again after the modulation
/// changes, until the next whole interval has passed.
/// </summary>
[NonParallelizable]
public class SimulatedPstIntervalTests
{
    [Test]
    public async Task Pst_is_not_available_until_a_whole_steady_interval_has_passed()
    {
        var profile = UnbalancePlanTests.WithU2();
        await using var bench = await VirtualBench.StartAsync(new VirtualBenchOptions { Meter = new SimulatedMeterOptions { Profile = profile, UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None } }, CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(profile, bench.MeterResource, CancellationToken.None);
        var pst = profile.Registers[MeterQuantity.PstVoltageAN];
        async Task<double> Read() => (await meter.ReadValuesAsync([pst], CancellationToken.None))[pst];

        bench.Grid.Program(ThreePhaseSetpoint.Balanced(230, 5, 0, 50));
        bench.Grid.SwitchOutput(true);
        bench.Grid.Modulate(FlickerModulation.RectangularPerMinute(1620, 0.407));
        var before = await Read();
        await bench.Clock.WaitAsync(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1), CancellationToken.None);
        var after = await Read();
        bench.Grid.Modulate(FlickerModulation.RectangularPerMinute(1620, 0.814));
        var changed = await Read();
        await bench.Clock.WaitAsync(TimeSpan.FromMinutes(20), CancellationToken.None);
        var doubled = await Read();
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.NaN, "no whole interval yet");
            Assert.That(after, Is.EqualTo(1).Within(0.05), "IEC 61000-4-15 Table 5: 1620/min at 0.407 % gives Pst = 1");
            Assert.That(changed, Is.NaN, "the interval just ended was not steady at the new modulation");
            // Pinst ∝ (ΔU/U)² and Pst ∝ √Pinst-percentiles: twice ΔU/U, twice Pst (IEC 61000-4-15's linear Pst scale).
            Assert.That(doubled, Is.EqualTo(2 * after).Within(0.05));
        });
    }
}
