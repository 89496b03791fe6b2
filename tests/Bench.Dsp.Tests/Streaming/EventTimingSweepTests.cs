using Bench.Core.Quantities;
using Bench.Dsp.Events;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Streaming;

/// <summary>
/// Event start, duration and residual for events starting at any point on wave (every 15° from 0 to 345°), at 50 and
/// 60 Hz with non-coherent sampling. Truth: the synthesised start, duration and level (residual = level·Udin).
/// Targets: residual ±0.02 % of Udin, start and duration within half a cycle. The worst errors are printed.
/// </summary>
public sealed class EventTimingSweepTests
{
    private static readonly int[] Angles = [.. Enumerable.Range(0, 24).Select(i => i * 15)];

    [TestCase(50.0, PqEventType.Dip, 50.0)]
    [TestCase(60.0, PqEventType.Dip, 50.0)]
    [TestCase(50.0, PqEventType.Dip, 85.0)]
    [TestCase(60.0, PqEventType.Dip, 10.0)]
    [TestCase(50.0, PqEventType.Swell, 120.0)]
    [TestCase(60.0, PqEventType.Swell, 115.0)]
    [TestCase(50.0, PqEventType.Interruption, 0.0)]
    [TestCase(60.0, PqEventType.Interruption, 2.0)]
    public void Every_point_on_wave(double f, PqEventType type, double level)
    {
        var worst = new Worst();
        foreach (var angle in Angles)
        {
            // 7.37 cycles long, so the end falls at yet another point on wave; all three phases (polyphase = each).
            var duration = 7.37 / f;
            var e = VoltageEvent.AtPointOnWave(12, angle, f, duration, level);
            var r = Run(f, [e], 0.5);
            foreach (var phase in new[] { 0, 1, 2, -1 })
            {
                var found = r.Events.Where(x => x.Type == type && x.Phase == phase).ToList();
                Assert.That(found, Has.Count.EqualTo(1), $"{angle}° phase {phase}: {string.Join("; ", r.Events)}");
                worst.Add(found[0], e, f, $"{angle}° phase {phase}");
            }
        }

        TestContext.Out.WriteLine($"{type} to {level} % at {f} Hz, 24 points on wave: {worst}");
        worst.AssertWithinTargets(f);
    }

    [TestCase(1.5, 50.0, 0.0)]
    [TestCase(3.2, 50.0, 0.0)]
    [TestCase(7.37, 50.0, 5.0)]
    [TestCase(7.37, 50.3, 0.0)]
    [TestCase(7.37, 49.6, 5.0)]
    public void Short_distorted_and_off_nominal_dips(double cycles, double f, double fifthPercent)
    {
        // Dips to 50 % of a wave with a 5th harmonic (30°) and/or off 50 Hz, at every 15°. Truth: residual =
        // 50 % · sqrt(1 + h5²) of Udin, the synthesised start and duration.
        var worst = new Worst();
        var residual = 50 * Math.Sqrt(1 + (fifthPercent * fifthPercent / 1e4));
        foreach (var angle in Angles)
        {
            var e = VoltageEvent.AtPointOnWave(12, angle, f, cycles / f, 50);
            var setpoint = ThreePhaseSetpoint.Balanced(230, 0, PowerFactor.Unity, f);
            setpoint = setpoint with { Phases = [.. setpoint.Phases.Select(p => p with { VoltageHarmonics = fifthPercent > 0 ? [new HarmonicComponent(5, fifthPercent, 30)] : [] })] };
            var settings = new MeterSettings(256.37 * 50, 50, 230, Wiring.ThreePhaseFourWire) { Flicker = false, CurrentChannels = 0 };
            var r = MeterRecorder.Run(new TestSignal(setpoint) { VoltageEvents = [e] }, settings, 0.6);
            var dips = r.Events.Where(x => x.Type == PqEventType.Dip).ToList();
            Assert.That(dips, Has.Count.EqualTo(4), $"{angle}°: three phases and the polyphase dip");
            foreach (var dip in dips)
            {
                worst.Add(dip, e with { LevelPercent = residual }, f, $"{angle}° phase {dip.Phase}");
            }
        }

        TestContext.Out.WriteLine($"{cycles}-cycle dip to 50 % at {f} Hz, 5th {fifthPercent} %: {worst}");
        worst.AssertWithinTargets(f);
    }

    [TestCase(50.0)]
    [TestCase(60.0)]
    public void Polyphase_dip_runs_from_the_first_phase_to_the_last(double f)
    {
        // Phase A dips first (to 60 %), phase C later and longer (to 70 %), at arbitrary points on wave.
        var worst = new Worst();
        foreach (var angle in Angles)
        {
            var a = VoltageEvent.AtPointOnWave(12, angle, f, 5.3 / f, 60) with { Phases = [0] };
            var c = VoltageEvent.AtPointOnWave(14, (angle + 100) % 360, f, 8.6 / f, 70) with { Phases = [2] };
            var r = Run(f, [a, c], 0.5);
            var poly = r.Events.Single(x => x.Type == PqEventType.Dip && x.Phase == -1);

            // Truth: union of the two dips; the residual is the deeper one (60 % of 230 V).
            var union = new VoltageEvent(a.StartS, Math.Max(a.StartS + a.DurationS, c.StartS + c.DurationS) - a.StartS, 60);
            worst.Add(poly, union, f, $"{angle}°");
            Assert.That(r.Events.Count(x => x.Phase == 1), Is.Zero, "phase B is healthy");
        }

        TestContext.Out.WriteLine($"polyphase dip at {f} Hz: {worst}");
        worst.AssertWithinTargets(f);
    }

    [TestCase(50.0)]
    [TestCase(60.0)]
    public void Polyphase_interruption_runs_from_the_last_phase_down_to_the_first_up(double f)
    {
        var worst = new Worst();
        foreach (var angle in Angles)
        {
            var a = VoltageEvent.AtPointOnWave(12, angle, f, 9.2 / f, 0) with { Phases = [0] };
            var bc = VoltageEvent.AtPointOnWave(13, (angle + 70) % 360, f, 6.1 / f, 1) with { Phases = [1, 2] };
            var r = Run(f, [a, bc], 0.5);
            var poly = r.Events.Single(x => x.Type == PqEventType.Interruption && x.Phase == -1);

            // Truth: intersection of the two; residual the lowest channel (0 V).
            var end = Math.Min(a.StartS + a.DurationS, bc.StartS + bc.DurationS);
            var intersection = new VoltageEvent(bc.StartS, end - bc.StartS, 0);
            worst.Add(poly, intersection, f, $"{angle}°");
        }

        TestContext.Out.WriteLine($"polyphase interruption at {f} Hz: {worst}");
        worst.AssertWithinTargets(f);
    }

    private static MeterRecorder Run(double f, VoltageEvent[] events, double seconds)
    {
        // Non-coherent: 256.37 samples per nominal cycle at 50 Hz, 213.71 at 60 Hz.
        var nominal = f > 55 ? 60 : 50;
        var spc = nominal == 50 ? 256.37 : 213.71;
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 0, PowerFactor.Unity, f)) { VoltageEvents = events };
        var settings = new MeterSettings(spc * nominal, nominal, 230, Wiring.ThreePhaseFourWire) { Flicker = false, CurrentChannels = 0 };
        return MeterRecorder.Run(signal, settings, seconds);
    }

    private sealed class Worst
    {
        public double Start { get; private set; }

        public double Duration { get; private set; }

        public double ResidualPercent { get; private set; }

        private string _where = "";

        public void Add(PqEvent measured, VoltageEvent truth, double f, string where)
        {
            var start = Math.Abs(measured.StartS - truth.StartS) * f;
            var duration = Math.Abs(measured.DurationS - truth.DurationS) * f;
            var residual = Math.Abs(measured.ExtremePercent - truth.LevelPercent);
            if (duration > Duration)
            {
                _where = where;
            }

            Start = Math.Max(Start, start);
            Duration = Math.Max(Duration, duration);
            ResidualPercent = Math.Max(ResidualPercent, residual);
        }

        public void AssertWithinTargets(double f)
        {
            Assert.Multiple(() =>
            {
                Assert.That(ResidualPercent, Is.LessThanOrEqualTo(0.02), "residual, % of Udin");
                Assert.That(Start, Is.LessThanOrEqualTo(0.5), "start, cycles");
                Assert.That(Duration, Is.LessThanOrEqualTo(0.5), $"duration, cycles (worst at {_where}, {f} Hz)");
            });
        }

        public override string ToString()
            => $"worst start error {Start:0.0000} cycle, duration error {Duration:0.0000} cycle (at {_where}), residual error {ResidualPercent:0.00000} % of Udin";
    }
}
