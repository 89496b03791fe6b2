using Bench.Core.Quantities;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Streaming;

/// <summary>
/// Basic-interval values of the streaming engine against analytic truth, with non-coherent sampling and off-nominal
/// frequency. Targets are ten times tighter than IEC 61000-4-30 Class A: U ±0.01 % of Udin, f ±1 mHz,
/// P and Q1 within 0.005 % of S.
/// </summary>
public sealed class BasicIntervalAccuracyTests
{
    [TestCase(49.9, 50, 512.3, "0.5 L")]
    [TestCase(50.07, 50, 128.7, "1")]
    [TestCase(59.93, 60, 256.37, "0.8 C")]
    [TestCase(50.0, 50, 32.3, "0.5 L")]
    [TestCase(60.0, 60, 1024.1, "1")]
    public void Rms_power_and_frequency_of_every_interval(double f, double nominal, double spc, string pfText)
    {
        Assert.That(PowerFactor.TryParse(pfText, out var pf), Is.True);
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 5, pf, f));
        var settings = new MeterSettings(spc * nominal, nominal, 230, Wiring.ThreePhaseFourWire) { Flicker = false };
        var r = MeterRecorder.Run(signal, settings, 2.05);

        // Analytic truth: U = 230 V, I = 5 A, P = UI cos φ, Q1 = UI sin φ per phase; f as synthesised.
        var phi = pf.CurrentLagDegrees * Math.PI / 180;
        var s = 230 * 5.0;
        Assert.That(r.Intervals, Has.Count.GreaterThanOrEqualTo(9));
        foreach (var v in r.Intervals)
        {
            Assert.Multiple(() =>
            {
                Assert.That(v.FrequencyHz, Is.EqualTo(f).Within(1e-3), "f");
                Assert.That(v.DurationS, Is.EqualTo((nominal >= 55 ? 12 : 10) / f).Within(1e-6), "duration");
                for (var p = 0; p < 3; p++)
                {
                    Assert.That(v.UrmsV[p], Is.EqualTo(230).Within(0.023), "U");
                    Assert.That(v.IrmsA[p], Is.EqualTo(5).Within(5e-4), "I");
                    Assert.That(v.PW[p], Is.EqualTo(s * Math.Cos(phi)).Within(5e-5 * s), "P");
                    Assert.That(v.Q1Var[p], Is.EqualTo(s * Math.Sin(phi)).Within(5e-5 * s), "Q1");
                    Assert.That(v.Pf[p], Is.EqualTo(Math.Cos(phi)).Within(5e-5), "PF");
                }

                Assert.That(v.Total(TotalField.PW), Is.EqualTo(3 * s * Math.Cos(phi)).Within(3 * 5e-5 * s), "P total");
                Assert.That(v.Total(TotalField.SeVA), Is.EqualTo(3 * s).Within(3 * 5e-5 * s), "Se (balanced: = 3UI)");
                Assert.That(v.Total(TotalField.U2Percent), Is.LessThan(0.001), "u2");
                Assert.That(v.Flagged, Is.False);
            });
        }
    }

    [Test]
    public void Ten_second_frequency_counts_whole_cycles()
    {
        // 49.987 Hz at a non-coherent 512.3 samples per nominal cycle; 10-s values on the clock (record starts on a tick).
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 0, PowerFactor.Unity, 49.987));
        var settings = new MeterSettings(512.3 * 50, 50, 230, Wiring.ThreePhaseFourWire) { Flicker = false, CurrentChannels = 0 };
        var r = MeterRecorder.Run(signal, settings, 21);
        Assert.That(r.Frequencies, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(r.Frequencies[0].StartS, Is.EqualTo(0).Within(1e-9));
        Assert.That(r.Frequencies[1].StartS, Is.EqualTo(10).Within(1e-9));
        Assert.That(r.Frequencies.Take(2).Select(x => x.FrequencyHz), Is.All.EqualTo(49.987).Within(1e-3));
        Assert.That(r.Frequencies[1].Cycles, Is.InRange(498, 500));
    }

    [Test]
    public void Frequency_step_is_followed_within_one_interval()
    {
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 0, PowerFactor.Unity, 50)) { FrequencySteps = [new FrequencyStep(1.0, 50.5)] };
        var settings = new MeterSettings(256.3 * 50, 50, 230, Wiring.ThreePhaseFourWire) { Flicker = false, CurrentChannels = 0 };
        var r = MeterRecorder.Run(signal, settings, 2);
        Assert.That(r.Intervals.Where(v => v.StartS + v.DurationS < 1.0).Select(v => v.FrequencyHz), Is.All.EqualTo(50).Within(1e-3));
        Assert.That(r.Intervals.Where(v => v.StartS > 1.0).Select(v => v.FrequencyHz), Is.All.EqualTo(50.5).Within(1e-3));
    }
}
