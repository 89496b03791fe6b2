using Bench.Core.Quantities;
using Bench.Dsp.Streaming;
using Bench.Dsp.Tests.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Flicker;

/// <summary>
/// Pst at IEC 61000-4-15 Ed.2 Table 5 points (rectangular modulation giving Pst = 1.00; shared/standards/power-quality.md §7),
/// both lamps. Target ±1 % (the standard's class F1 allows ±5 %). The record starts one minute before a 10-min tick
/// so that the filters have settled when the observed period begins.
/// </summary>
public sealed class PstTableTests
{
    [TestCase(230.0, 50.0, 1.0, 2.715)]
    [TestCase(230.0, 50.0, 39.0, 0.894)]
    [TestCase(230.0, 50.0, 110.0, 0.722)]
    [TestCase(230.0, 50.0, 1620.0, 0.407)]
    [TestCase(120.0, 60.0, 7.0, 1.694)]
    [TestCase(120.0, 60.0, 39.0, 1.040)]
    [TestCase(120.0, 60.0, 1620.0, 0.548)]
    public void Rectangular_modulation_at_table_5_gives_pst_one(double volts, double hz, double changesPerMinute, double deltaUPercent)
    {
        var signal = new TestSignal(new ThreePhaseSetpoint([new PhaseSetpoint(volts, 0, 0, 0)], hz))
        {
            Flicker = FlickerModulation.RectangularPerMinute(changesPerMinute, deltaUPercent),
        };
        var settings = new MeterSettings(64.3 * hz, hz, volts, Wiring.OnePhaseTwoWire)
        {
            CurrentChannels = 0,
            StartTime = DateTimeOffset.UnixEpoch.AddSeconds(-60),
            SwellThresholdPercent = 200,
            DipThresholdPercent = 50,
            RvcThresholdPercent = 6,
        };
        var r = MeterRecorder.Run(signal, settings, 661, blockFrames: 65536);
        var pst = r.Flicker.Where(f => f.Complete && !double.IsNaN(f.Pst)).ToList();
        Assert.That(pst, Has.Count.EqualTo(1));
        Assert.That(pst[0].StartS, Is.EqualTo(60).Within(0.01));
        Assert.That(pst[0].Pst, Is.EqualTo(1.0).Within(0.01));
    }
}
