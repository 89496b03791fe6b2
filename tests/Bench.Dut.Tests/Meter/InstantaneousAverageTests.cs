using Bench.Core.Quantities;
using Bench.Dut.Meter;

namespace Bench.Dut.Tests.Meter;

public sealed class InstantaneousAverageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Mean_is_per_phase_and_ignores_snapshots_outside_the_window()
    {
        var average = new InstantaneousAverage(T0, T0.AddSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(average.Add(Snapshot(T0.AddSeconds(10), 1000)), Is.True);
            Assert.That(average.Add(Snapshot(T0.AddSeconds(50), 1100)), Is.True);
            Assert.That(average.Add(Snapshot(T0.AddSeconds(61), 9999)), Is.False, "after the window");
            Assert.That(average.Add(Snapshot(T0.AddSeconds(-1), 9999)), Is.False, "before the window");
        });

        var mean = average.Mean();

        // (1000 + 1100)/2 = 1050 W per phase; S = 230·5 = 1150 VA each time, so PF = 1050/1150.
        Assert.Multiple(() =>
        {
            Assert.That(average.Count, Is.EqualTo(2));
            Assert.That(mean.Phases[1].ActivePowerW, Is.EqualTo(1050));
            Assert.That(mean.TotalActivePowerW, Is.EqualTo(3150));
            Assert.That(mean.Phases[0].PowerFactor, Is.EqualTo(1050.0 / 1150).Within(1e-12));
            Assert.That(mean.FrequencyHz, Is.EqualTo(50));
        });
    }

    [Test]
    public void An_empty_window_has_no_mean() =>
        Assert.Throws<InvalidOperationException>(() => new InstantaneousAverage(T0, T0.AddSeconds(1)).Mean());

    private static MeterSnapshot Snapshot(DateTimeOffset time, double watts)
    {
        var phase = new PhaseMeasurement(230, 5, watts, 0, 1150, watts / 1150);
        return new MeterSnapshot(time, 0, null, new ThreePhaseMeasurement([phase, phase, phase], 50));
    }
}
