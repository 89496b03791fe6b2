using Bench.Core.Quantities;
using Bench.Dsp.Power;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Power;

/// <summary>
/// The contract the virtual bench relies on: <see cref="WindowAnalyzer.Measure"/> within 0.005 % of S for P and Q,
/// 0.01 % for U and I, 1 mHz for f, over PF 1 / 0.5 L / 0.8 C, 1 %–120 % of 5 A at 230 V, 50 and 60 Hz, off nominal,
/// with non-coherent sampling. Truth is analytic: for u = √2U sin(ωt), i = √2I sin(ωt − φ):
/// P = U·I·cos φ, Q1 = U·I·sin φ, S = U·I, PF = cos φ (plus Σ Uh·Ih·cos(φuh − φih) for harmonics in P).
/// </summary>
public sealed class WindowAnalyzerAccuracyTests
{
    private const double Un = 230;
    private const double In = 5;

    private static readonly string[] PowerFactors = ["1", "0.5 L", "0.8 C"];
    private static readonly double[] CurrentFractions = [0.01, 0.05, 0.2, 1.0, 1.2];

    // (signal frequency, nominal frequency the sample rate is derived from, samples per nominal cycle)
    private static readonly (double F, double Nominal, double Spc)[] Grids =
    [
        (50, 50, 256.3), (60, 60, 256.3), (49.9, 50, 256.3), (50.13, 50, 256.3), (59.87, 60, 256.3),
        (50, 50, 64.7), (49.95, 50, 1000.9), (60.02, 60, 33.3),
    ];

    public static IEnumerable<TestCaseData> Points()
    {
        foreach (var g in Grids)
        {
            foreach (var pf in PowerFactors)
            {
                foreach (var fraction in CurrentFractions)
                {
                    yield return new TestCaseData(g.F, g.Nominal, g.Spc, pf, fraction)
                        .SetName($"f={g.F} Hz spc={g.Spc} PF {pf} I={fraction * 100}% In");
                }
            }
        }
    }

    [TestCaseSource(nameof(Points))]
    public void Balanced_load_is_measured_within_a_tenth_of_class_A(double f, double nominal, double spc, string pfText, double fraction)
    {
        Assert.That(PowerFactor.TryParse(pfText, out var pf), Is.True);
        var current = In * fraction;
        var setpoint = ThreePhaseSetpoint.Balanced(Un, current, pf, f);
        var rate = spc * nominal;

        // The same block the simulated instruments take: 10/12 nominal cycles plus half a cycle, started off a crossing.
        var cycles = nominal >= 55 ? 12 : 10;
        var count = (int)Math.Ceiling(rate / nominal * (cycles + 0.5));
        var m = Measure(setpoint, rate, count, 0.00123, nominal);

        var phi = pf.CurrentLagDegrees * Math.PI / 180;
        var s = Un * current;
        foreach (var p in m.Phases)
        {
            Assert.Multiple(() =>
            {
                Assert.That(p.ActivePowerW, Is.EqualTo(s * Math.Cos(phi)).Within(5e-5 * s), "P");
                Assert.That(p.ReactivePowerVar, Is.EqualTo(s * Math.Sin(phi)).Within(5e-5 * s), "Q1");
                Assert.That(p.ApparentPowerVA, Is.EqualTo(s).Within(5e-5 * s), "S");
                Assert.That(p.PowerFactor, Is.EqualTo(Math.Cos(phi)).Within(5e-5), "PF");
                Assert.That(p.VoltageRmsV, Is.EqualTo(Un).Within(1e-4 * Un), "U");
                Assert.That(p.CurrentRmsA, Is.EqualTo(current).Within(1e-4 * current), "I");
            });
        }

        Assert.That(m.FrequencyHz, Is.EqualTo(f).Within(1e-3), "f");
    }

    [TestCase(50.0, 256.3)]
    [TestCase(49.9, 256.3)]
    [TestCase(60.1, 512.7)]
    public void Harmonic_power_is_part_of_P_and_not_of_Q1(double f, double spc)
    {
        // u: 230 V with 5 % 3rd at 20°, 3 % 5th; i: 5 A at 0.5 L with 20 % 3rd at −30°, 10 % 5th at 0°.
        var u3 = new HarmonicComponent(3, 5, 20);
        var u5 = new HarmonicComponent(5, 3, 0);
        var i3 = new HarmonicComponent(3, 20, -30);
        var i5 = new HarmonicComponent(5, 10, 0);
        var phase = new PhaseSetpoint(Un, In, 0, -60) { VoltageHarmonics = [u3, u5], CurrentHarmonics = [i3, i5] };
        var setpoint = new ThreePhaseSetpoint([phase], f);
        var nominal = f > 55 ? 60 : 50;
        var rate = spc * nominal;
        var m = Measure(setpoint, rate, (int)(rate / nominal * 25), 0.0031, nominal);
        var p = m.Phases[0];

        // Analytic: each order contributes Uh·Ih·cos(φuh − φih); Q1 only from the fundamental.
        double uh3 = Un * 0.05, ih3 = In * 0.20, uh5 = Un * 0.03, ih5 = In * 0.10;
        var expectedP = (Un * In * Math.Cos(Math.PI / 3)) + (uh3 * ih3 * Math.Cos(50 * Math.PI / 180)) + (uh5 * ih5);
        var expectedQ1 = Un * In * Math.Sin(Math.PI / 3);
        var expectedU = Math.Sqrt((Un * Un) + (uh3 * uh3) + (uh5 * uh5));
        var expectedI = Math.Sqrt((In * In) + (ih3 * ih3) + (ih5 * ih5));
        var s = expectedU * expectedI;
        Assert.Multiple(() =>
        {
            Assert.That(p.ActivePowerW, Is.EqualTo(expectedP).Within(5e-5 * s), "P");
            Assert.That(p.ReactivePowerVar, Is.EqualTo(expectedQ1).Within(5e-5 * s), "Q1");
            Assert.That(p.VoltageRmsV, Is.EqualTo(expectedU).Within(1e-4 * Un), "U");
            Assert.That(p.CurrentRmsA, Is.EqualTo(expectedI).Within(1e-4 * expectedI), "I");
            Assert.That(p.ApparentPowerVA, Is.EqualTo(s).Within(5e-5 * s), "S");
            Assert.That(m.FrequencyHz, Is.EqualTo(f).Within(1e-3), "f");
        });
    }

    [Test]
    public void Dead_voltage_gives_NaN_frequency_and_zero_values()
    {
        var m = Measure(ThreePhaseSetpoint.Off(50), 12815, 2700, 0, 50);
        Assert.Multiple(() =>
        {
            Assert.That(m.FrequencyHz, Is.NaN);
            Assert.That(m.Phases.Select(p => p.VoltageRmsV), Is.All.EqualTo(0));
            Assert.That(m.Phases.Select(p => p.PowerFactor), Is.All.EqualTo(0));
        });
    }

    [Test]
    public void Several_windows_are_averaged_over_whole_windows()
    {
        // Three 10-cycle windows of 49.9 Hz at 256.3 samples per nominal cycle.
        var setpoint = ThreePhaseSetpoint.Balanced(Un, In, new PowerFactor(0.5, LoadKind.Inductive), 49.9);
        var rate = 256.3 * 50;
        var m = Measure(setpoint, rate, (int)Math.Ceiling(rate / 50 * 30.5), 0.00123, 50);
        Assert.That(m.TotalActivePowerW, Is.EqualTo(3 * Un * In * 0.5).Within(5e-5 * 3 * Un * In));
        Assert.That(m.TotalReactivePowerVar, Is.EqualTo(3 * Un * In * Math.Sqrt(0.75)).Within(5e-5 * 3 * Un * In));
    }

    private static ThreePhaseMeasurement Measure(ThreePhaseSetpoint setpoint, double rate, int count, double start, double nominal)
    {
        var record = ThreePhaseSynthesizer.Synthesize(setpoint, rate, count, start);
        var voltages = record.Voltages.Select(c => c.Samples).ToArray();
        var currents = record.Currents.Select(c => c.Samples).ToArray();
        return WindowAnalyzer.Measure(voltages, currents, rate, nominal);
    }
}
