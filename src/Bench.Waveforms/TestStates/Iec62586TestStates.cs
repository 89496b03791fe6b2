using System.Globalization;
using System.Numerics;

using Bench.Core.Quantities;
using Bench.Waveforms.Synthesis;

namespace Bench.Waveforms.TestStates;

/// <summary>
/// A named catalogue of IEC 62586-2 style test states for a 50 or 60 Hz system at a given Udin: testing points across
/// the Class A measuring range for each parameter (Table 3 style, P1…), each a <see cref="TestSignal"/> with its true
/// values and Class A tolerances (shared/standards/power-quality.md §3, §6, §7). Where the standard's exact points are
/// not confirmed there, the points are Bench's choice inside the Class A range, and say so in their description.
/// Flicker points are IEC 61000-4-15 Ed.2 Table 5 (Pst = 1.00). Names: "frequency-P1", "dip-P2", ….
/// </summary>
public static class Iec62586TestStates
{
    public static IReadOnlyList<Iec62586TestState> For(double nominalFrequencyHz, double udinV)
    {
        var fn = nominalFrequencyHz >= 55 ? 60.0 : 50.0;
        var u = udinV;
        var states = new List<Iec62586TestState>();
        void Add(string name, Iec62586Parameter parameter, string description, TestSignal signal, double duration, params Iec62586Expectation[] expectations)
            => states.Add(new Iec62586TestState(name, parameter, description, signal, duration) { Expectations = expectations, NominalFrequencyHz = fn, NominalVoltageV = u });
        TestSignal Nominal(double f = double.NaN, double level = 100) => new(ThreePhaseSetpoint.Balanced(u * level / 100, 0, PowerFactor.Unity, double.IsNaN(f) ? fn : f));

        // Frequency: the Class A range 42.5–57.5 Hz (51–69 Hz), ±10 mHz; 10.5 s gives one whole 10-s value.
        double[] frequencies = fn == 50 ? [42.5, 49.5, 50.0, 50.5, 57.5] : [51.0, 59.5, 60.0, 60.5, 69.0];
        for (var k = 0; k < frequencies.Length; k++)
        {
            Add($"frequency-P{k + 1}", Iec62586Parameter.Frequency, $"f = {F(frequencies[k])} Hz", Nominal(frequencies[k]), 10.5,
                new Iec62586Expectation(Iec62586Quantity.FrequencyHz, frequencies[k], 0.010));
        }

        // Magnitude: 10–150 % of Udin, ±0.1 % of Udin (points: Bench's choice across the range).
        double[] levels = [10, 50, 100, 115, 150];
        for (var k = 0; k < levels.Length; k++)
        {
            Add($"magnitude-P{k + 1}", Iec62586Parameter.Magnitude, $"U = {F(levels[k])} % of Udin (Bench's point)", Nominal(level: levels[k]), 1.0,
                new Iec62586Expectation(Iec62586Quantity.VoltageV, u * levels[k] / 100, 0.001 * u));
        }

        // Flicker: rectangular modulation at IEC 61000-4-15 Ed.2 Table 5 points, Pst = 1.00, class F1 ±5 %.
        var lamp120 = u <= 150;
        (double Cpm, double DeltaU)[] table5 = (lamp120, fn) switch
        {
            (false, 50) => [(1, 2.715), (39, 0.894), (1620, 0.407)],
            (true, 60) => [(1, 3.181), (39, 1.040), (1620, 0.548)],
            (true, 50) => [(1, 3.178), (39, 1.045), (1620, 0.545)],
            _ => [(1, 2.719), (39, 0.895), (1620, 0.409)],
        };
        for (var k = 0; k < table5.Length; k++)
        {
            var (cpm, du) = table5[k];
            var signal = Nominal() with { Flicker = FlickerModulation.RectangularPerMinute(cpm, du) };
            states.Add(new Iec62586TestState($"flicker-P{k + 1}", Iec62586Parameter.Flicker, $"rectangular {F(cpm)} changes/min, ΔU/U = {F(du)} % (IEC 61000-4-15 Table 5: Pst = 1)", signal, 661)
            {
                Expectations = [new Iec62586Expectation(Iec62586Quantity.Pst, 1.0, 0.05)],
                PrerollS = 60,
                NominalFrequencyHz = fn,
                NominalVoltageV = u,
            });
        }

        // Dips, swells, interruptions: residual ±0.2 % of Udin, duration ±1 cycle; all phases, starting at 45° of L1.
        var cycle = 1 / fn;
        void Event(string name, Iec62586Parameter parameter, double level, double cycles)
        {
            var e = VoltageEvent.AtPointOnWave(25, 45, fn, cycles * cycle, level);
            Add(name, parameter, $"all phases to {F(level)} % of Udin for {F(cycles)} cycles from 45° (Bench's point)", Nominal() with { VoltageEvents = [e] }, e.StartS + e.DurationS + 0.6,
                new Iec62586Expectation(Iec62586Quantity.ExtremePercent, level, 0.2),
                new Iec62586Expectation(Iec62586Quantity.DurationS, e.DurationS, cycle));
        }

        Event("dip-P1", Iec62586Parameter.Dip, 70, 10);
        Event("dip-P2", Iec62586Parameter.Dip, 40, 25);
        Event("dip-P3", Iec62586Parameter.Dip, 10, 5);
        Event("swell-P1", Iec62586Parameter.Swell, 120, 10);
        Event("swell-P2", Iec62586Parameter.Swell, 150, 25);
        Event("interruption-P1", Iec62586Parameter.Interruption, 0, 50);

        // Unbalance: u2 (and u0) by symmetrical components, ±0.15 % absolute.
        (double U2, double U0)[] unbalance = [(1, 0), (2, 1), (5, 0)];
        for (var k = 0; k < unbalance.Length; k++)
        {
            var (u2, u0) = unbalance[k];
            Add($"unbalance-P{k + 1}", Iec62586Parameter.Unbalance, $"u2 = {F(u2)} %, u0 = {F(u0)} % (Bench's point)", new TestSignal(Unbalanced(u, fn, u2, u0)), 1.0,
                new Iec62586Expectation(Iec62586Quantity.U2Percent, u2, 0.15),
                new Iec62586Expectation(Iec62586Quantity.U0Percent, u0, 0.15));
        }

        // Harmonics: IEC 61000-4-7 Class I, ±5 % of reading at ≥ 1 % of Unom, else ±0.05 % of Unom.
        (double Order, double Percent)[][] harmonicSets = [[(3, 10), (5, 6), (7, 5), (11, 3.5), (13, 3), (25, 1.5)], [(2, 2), (9, 1.5), (17, 2), (19, 1.5), (50, 0.5)]];
        for (var k = 0; k < harmonicSets.Length; k++)
        {
            var set = harmonicSets[k];
            var setpoint = Nominal().Setpoint;
            var distorted = setpoint with { Phases = [.. setpoint.Phases.Select(p => p with { VoltageHarmonics = [.. set.Select(h => new HarmonicComponent(h.Order, h.Percent, 0))] })] };
            Add($"harmonics-P{k + 1}", Iec62586Parameter.Harmonics, "voltage harmonics " + string.Join(", ", set.Select(h => $"h{F(h.Order)} {F(h.Percent)} %")) + " (Bench's set)", new TestSignal(distorted), 1.0,
                [.. set.Select(h => new Iec62586Expectation(Iec62586Quantity.HarmonicV, u * h.Percent / 100, HarmonicTolerance(u * h.Percent / 100, u)) { Order = (int)h.Order })]);
        }

        // Interharmonics and mains signalling: an interharmonic halfway between two orders.
        (double Order, double Percent)[] inter = [(7.5, 1), (2.5, 3)];
        for (var k = 0; k < inter.Length; k++)
        {
            var (order, percent) = inter[k];
            Add($"interharmonics-P{k + 1}", Iec62586Parameter.Interharmonics, $"interharmonic at {F(order * fn)} Hz, {F(percent)} % (Bench's point)", WithVoltageComponent(Nominal(), order, percent), 1.0,
                new Iec62586Expectation(Iec62586Quantity.InterharmonicV, u * percent / 100, HarmonicTolerance(u * percent / 100, u)) { Order = (int)Math.Floor(order) });
        }

        // Mains signalling: 1–3 % of Udin ±0.15 % of Udin, 3–15 % ±5 % of reading.
        (double Hz, double Percent)[] signalling = [(fn * 3.5, 2), (fn * 7.5, 5)];
        for (var k = 0; k < signalling.Length; k++)
        {
            var (hz, percent) = signalling[k];
            var tolerance = percent < 3 ? 0.0015 * u : 0.05 * u * percent / 100;
            states.Add(new Iec62586TestState($"signalling-P{k + 1}", Iec62586Parameter.MainsSignalling, $"signalling at {F(hz)} Hz, {F(percent)} % of Udin (Bench's point)", WithVoltageComponent(Nominal(), hz / fn, percent), 1.0)
            {
                Expectations = [new Iec62586Expectation(Iec62586Quantity.SignallingV, u * percent / 100, tolerance)],
                SignallingFrequencyHz = hz,
                NominalFrequencyHz = fn,
                NominalVoltageV = u,
            });
        }

        // RVC: a +4 % step that stays (threshold 3 %, below the swell threshold). No Class A figure exists for ΔUss;
        // the Urms(1/2) residual tolerance (±0.2 % of Udin) is used.
        var step = new VoltageEvent(2.5, 100, 104);
        Add("rvc-P1", Iec62586Parameter.RapidVoltageChange, "all phases step +4 % of Udin at 2.5 s and stay (threshold 3 %)", Nominal() with { VoltageEvents = [step] }, 5.0,
            new Iec62586Expectation(Iec62586Quantity.RvcSteadyChangeV, 0.04 * u, 0.002 * u));
        return states;
    }

    public static Iec62586TestState Get(string name, double nominalFrequencyHz, double udinV)
        => For(nominalFrequencyHz, udinV).FirstOrDefault(s => s.Name == name)
            ?? throw new ArgumentException($"no IEC 62586-2 test state named '{name}'", nameof(name));

    /// <summary>IEC 61000-4-7 Class I voltage: ±5 % of reading at ≥ 1 % of Unom, else ±0.05 % of Unom.</summary>
    public static double HarmonicTolerance(double valueV, double unomV) => valueV >= 0.01 * unomV ? 0.05 * valueV : 0.0005 * unomV;

    /// <summary>Phase voltages with positive-sequence Udin and the given negative- and zero-sequence ratios (angles 0°).</summary>
    public static ThreePhaseSetpoint Unbalanced(double udinV, double frequencyHz, double u2Percent, double u0Percent)
    {
        var a = Complex.FromPolarCoordinates(1, 2 * Math.PI / 3);
        var u1 = new Complex(udinV, 0);
        var u2 = new Complex(udinV * u2Percent / 100, 0);
        var u0 = new Complex(udinV * u0Percent / 100, 0);
        Complex[] phasors = [u1 + u2 + u0, (a * a * u1) + (a * u2) + u0, (a * u1) + (a * a * u2) + u0];
        return new ThreePhaseSetpoint([.. phasors.Select(p => new PhaseSetpoint(p.Magnitude, 0, p.Phase * 180 / Math.PI, p.Phase * 180 / Math.PI))], frequencyHz);
    }

    private static TestSignal WithVoltageComponent(TestSignal signal, double order, double percent)
    {
        var setpoint = signal.Setpoint;
        return signal with { Setpoint = setpoint with { Phases = [.. setpoint.Phases.Select(p => p with { VoltageHarmonics = [new HarmonicComponent(order, percent, 0)] })] } };
    }

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
