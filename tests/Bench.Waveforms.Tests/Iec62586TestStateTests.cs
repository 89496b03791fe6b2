using System.Numerics;

using Bench.Waveforms.Synthesis;
using Bench.Waveforms.TestStates;

namespace Bench.Waveforms.Tests;

/// <summary>
/// The IEC 62586-2 catalogue as data: names, coverage, and that each signal carries its stated truth when the samples
/// are measured directly (plain sums over whole cycles of coherently sampled signals, independent of Bench.Dsp).
/// </summary>
public sealed class Iec62586TestStateTests
{
    [TestCase(50.0, 230.0)]
    [TestCase(60.0, 120.0)]
    public void Catalogue_covers_every_parameter_with_unique_names(double f, double u)
    {
        var states = Iec62586TestStates.For(f, u);
        Assert.That(states.Select(s => s.Name), Is.Unique);
        Assert.That(states.Select(s => s.Parameter).Distinct(), Is.EquivalentTo(Enum.GetValues<Iec62586Parameter>()));
        Assert.That(states.SelectMany(s => s.Expectations).Select(x => x.ClassATolerance), Is.All.GreaterThan(0));
        Assert.That(states.Where(s => s.Parameter == Iec62586Parameter.Frequency).Select(s => s.Expectations[0].Value).Min(), Is.EqualTo(f == 50 ? 42.5 : 51), "Class A range, low end");
        Assert.Throws<ArgumentException>(() => Iec62586TestStates.Get("no-such-state", f, u));
    }

    [Test]
    public void Flicker_points_are_table_5()
    {
        // IEC 61000-4-15 Ed.2 Table 5 (shared/standards/power-quality.md §7): 39 changes/min, 0.894 % at 230 V 50 Hz.
        var p2 = Iec62586TestStates.Get("flicker-P2", 50, 230);
        Assert.That(p2.Signal.Flicker, Is.EqualTo(FlickerModulation.RectangularPerMinute(39, 0.894)));
        Assert.That(Iec62586TestStates.Get("flicker-P2", 60, 120).Signal.Flicker!.DeltaUPercent, Is.EqualTo(1.040));
    }

    [TestCase("magnitude-P2")]
    [TestCase("unbalance-P2")]
    [TestCase("harmonics-P1")]
    public void Signal_carries_its_truth(string name)
    {
        // Coherent sampling (1000 samples per cycle, 10 cycles): RMS and DFT bins are exact sums here.
        var state = Iec62586TestStates.Get(name, 50, 230);
        var record = TestSignalSynthesizer.Synthesize(state.Signal, 50_000, 10_000);
        var voltages = record.Voltages.ToArray();
        var phasors = voltages.Select(c => Bin(c.Samples, 10)).ToArray();
        foreach (var x in state.Expectations)
        {
            var measured = x.Quantity switch
            {
                Iec62586Quantity.VoltageV => Math.Sqrt(voltages[1].Samples.Average(v => v * v)),
                Iec62586Quantity.HarmonicV => Bin(voltages[2].Samples, 10 * x.Order).Magnitude,
                Iec62586Quantity.U2Percent or Iec62586Quantity.U0Percent => Sequence(phasors, x.Quantity),
                _ => double.NaN,
            };
            Assert.That(measured, Is.EqualTo(x.Value).Within(1e-9 * 230), $"{x.Quantity} {x.Order}");
        }
    }

    /// <summary>RMS phasor of DFT bin k.</summary>
    private static Complex Bin(double[] x, int k)
    {
        var sum = Complex.Zero;
        for (var n = 0; n < x.Length; n++)
        {
            sum += x[n] * Complex.FromPolarCoordinates(1, -2 * Math.PI * k * n / x.Length);
        }

        return sum * Math.Sqrt(2) / x.Length;
    }

    /// <summary>Symmetrical components (Fortescue): u2 = |U2|/|U1|, u0 = |U0|/|U1| in percent.</summary>
    private static double Sequence(Complex[] abc, Iec62586Quantity quantity)
    {
        var a = Complex.FromPolarCoordinates(1, 2 * Math.PI / 3);
        var u1 = (abc[0] + (a * abc[1]) + (a * a * abc[2])) / 3;
        var u2 = (abc[0] + (a * a * abc[1]) + (a * abc[2])) / 3;
        var u0 = (abc[0] + abc[1] + abc[2]) / 3;
        return 100 * (quantity == Iec62586Quantity.U2Percent ? u2 : u0).Magnitude / u1.Magnitude;
    }
}
