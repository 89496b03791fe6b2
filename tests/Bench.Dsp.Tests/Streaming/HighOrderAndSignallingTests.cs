using Bench.Core.Quantities;
using Bench.Dsp.Harmonics;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Streaming;

/// <summary>Orders beyond the 50th at high rates (the PM8000 reports to the 63rd and 127th), mains signalling, TDD, groups.</summary>
public sealed class HighOrderAndSignallingTests
{
    [TestCase(512.3, 63, new[] { 51.0, 63.0 })]
    [TestCase(1024.3, 127, new[] { 63.0, 100.0, 127.0 })]
    public void High_orders_within_half_a_percent(double spc, int maxOrder, double[] orders)
    {
        // Truth: each listed order at 1 % of 230 V (2.3 V) with angle 0.
        var phase = new PhaseSetpoint(230, 0, 0, 0) { VoltageHarmonics = [.. orders.Select(h => new HarmonicComponent(h, 1, 0))] };
        var settings = new MeterSettings(spc * 50, 50, 230, Wiring.OnePhaseTwoWire) { Flicker = false, CurrentChannels = 0, MaxHarmonicOrder = maxOrder };
        var r = MeterRecorder.Run(new TestSignal(new ThreePhaseSetpoint([phase], 49.96)), settings, 0.65);
        var v = r.Intervals[1];
        Assert.That(settings.EffectiveMaxHarmonicOrder, Is.EqualTo(maxOrder));
        foreach (var h in orders)
        {
            Assert.That(v.Harmonic(v.HarmonicsUV, 0, (int)h), Is.EqualTo(2.3).Within(0.005 * 2.3), $"order {h}");
        }

        Assert.That(v.Harmonic(v.HarmonicsUV, 0, maxOrder - 1), Is.LessThan(0.0005 * 230), "a neighbouring order stays empty");
    }

    [Test]
    public void Mains_signalling_voltage_at_its_frequency()
    {
        // A 316.67 Hz ripple-control tone at 2 % of 230 V, a third of a bin off the 5-Hz grid. Truth for the method (rms of
        // the four nearest bins of a rectangular 10-cycle window): 4.6 V · sqrt(Σ sinc²(k − 63.333), k = 62…65) = 4.424 V.
        var phase = new PhaseSetpoint(230, 0, 0, 0) { VoltageHarmonics = [new(316.67 / 50, 2, 0)] };
        var settings = new MeterSettings(512 * 50, 50, 230, Wiring.OnePhaseTwoWire) { Flicker = false, CurrentChannels = 0, SignallingFrequencyHz = 316.67 };
        var v = MeterRecorder.Run(new TestSignal(new ThreePhaseSetpoint([phase], 50)), settings, 0.65).Intervals[1];
        static double Sinc(double x) => Math.Sin(Math.PI * x) / (Math.PI * x);
        var expected = 4.6 * Math.Sqrt(new[] { 62, 63, 64, 65 }.Sum(k => Sinc(k - 63.3340) * Sinc(k - 63.3340)));
        Assert.That(v.SignallingV[0], Is.EqualTo(expected).Within(0.01 * expected));
    }

    [Test]
    public void Tdd_against_the_maximum_demand_current()
    {
        // I = 4 A with 20 % 5th and 10 % 7th; IL = 10 A. Truth: TDD = sqrt(0.8² + 0.4²)/10 = 8.944 %.
        var phase = new PhaseSetpoint(230, 4, 0, 0) { CurrentHarmonics = [new(5, 20, 0), new(7, 10, 0)] };
        var settings = new MeterSettings(256.3 * 50, 50, 230, Wiring.OnePhaseTwoWire) { Flicker = false, MaximumDemandCurrentA = 10 };
        var v = MeterRecorder.Run(new TestSignal(new ThreePhaseSetpoint([phase], 50)), settings, 0.65).Intervals[1];
        Assert.That(v.TddPercent[0], Is.EqualTo(100 * Math.Sqrt(0.64 + 0.16) / 10).Within(0.005 * 8.944));
        Assert.That(v.ThdsIPercent[0], Is.EqualTo(Math.Sqrt(500)).Within(0.005 * Math.Sqrt(500)));
    }

    [Test]
    public void Harmonic_group_collects_a_spread_component()
    {
        // IEC 61000-4-7 group at 50 Hz: bins k−5 and k+5 at half weight, k−4…k+4 fully. Power spread over bins 48…52
        // of order 5 (bin 50) and one at bin 55 (shared half with order 6): G5² = 1+1+1+1+1 + 4/2.
        var power = new double[80];
        power[48] = power[49] = power[50] = power[51] = power[52] = 1;
        power[55] = 4;
        Assert.That(HarmonicGrouping.Group(power, 10, 5), Is.EqualTo(Math.Sqrt(7)).Within(1e-12));
        Assert.That(HarmonicGrouping.Subgroup(power, 10, 5), Is.EqualTo(Math.Sqrt(3)).Within(1e-12));
        Assert.That(HarmonicGrouping.InterharmonicCentredSubgroup(power, 10, 5), Is.EqualTo(Math.Sqrt(1 + 4)).Within(1e-12), "bins 52…58");
    }
}
