using System.Diagnostics;

using Bench.Sim.Meter;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Tests;

/// <summary>The simulated meter's Pst at IEC 61000-4-15 Ed.2 Table 5 points (rectangular, 230 V 50 Hz: Pst = 1.00, class F1 ±5 %).</summary>
public class FlickerSeverityTests
{
    // IEC 61000-4-15 Ed.2 Table 5, 230 V lamp, 50 Hz (power-quality.md): changes per minute, ΔU/U in % giving Pst = 1.
    [TestCase(1, 2.715)]
    [TestCase(39, 0.894)]
    [TestCase(1620, 0.407)]
    public void A_table_5_modulation_gives_pst_1(double changesPerMinute, double deltaU)
    {
        var watch = Stopwatch.StartNew();
        var pst = FlickerSeverity.Pst(230, 50, 50, FlickerModulation.RectangularPerMinute(changesPerMinute, deltaU));
        Assert.Multiple(() =>
        {
            Assert.That(pst, Is.EqualTo(1).Within(0.05), "class F1: Pst = 1 ±5 %");
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "720 s of signal must stay a few seconds of CPU");
        });
        TestContext.Out.WriteLine($"Pst({changesPerMinute} cpm, {deltaU} %) = {pst:0.0000} in {watch.ElapsedMilliseconds} ms");
    }

    [Test]
    public void A_steady_voltage_has_no_flicker()
    {
        Assert.That(FlickerSeverity.Pst(230, 50, 50, null), Is.LessThan(0.01));
    }
}
