using Bench.Core.Quantities;
using Bench.Dsp.Energy;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Streaming;

/// <summary>Aggregation (150/180 cycles, 10 min), 3P3W totals, four-quadrant energy and the pulse output.</summary>
public sealed class AggregationAndEnergyTests
{
    [Test]
    public void Cycles150_value_is_the_rms_of_fifteen_basic_values()
    {
        // A slow sine modulation makes the basic values differ; the aggregate must be sqrt(mean(U²)) of exactly 15 of them.
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50)) { Flicker = new FlickerModulation(ModulationShape.Sine, 0.3, 4) };
        var settings = new MeterSettings(128.3 * 50, 50, 230, Wiring.ThreePhaseFourWire) { Flicker = false, MaxHarmonicOrder = 10 };
        var r = MeterRecorder.Run(signal, settings, 7);
        var aggregates = r.Aggregates.Where(a => a.Level == AggregationLevel.Cycles150).Select(a => a.Values).ToList();
        Assert.That(aggregates, Has.Count.EqualTo(2));
        var first15 = r.Intervals.Take(15).ToList();
        var rms = Math.Sqrt(first15.Average(v => v.UrmsV[0] * v.UrmsV[0]));
        var meanP = first15.Average(v => v.PW[0]);
        Assert.That(aggregates[0].Count, Is.EqualTo(15));
        Assert.That(aggregates[0].UrmsV[0], Is.EqualTo(rms).Within(1e-9));
        Assert.That(aggregates[0].PW[0], Is.EqualTo(meanP).Within(1e-9));
        Assert.That(aggregates[0].StartS, Is.EqualTo(first15[0].StartS));
        Assert.That(first15.Select(v => v.UrmsV[0]).Distinct().Count(), Is.GreaterThan(5), "the basic values do differ");
    }

    [Test]
    public void Ten_minute_values_follow_the_clock()
    {
        // Start 30 s before a 10-min tick: a first, incomplete value (30 s), then one from the tick on.
        var signal = new TestSignal(new ThreePhaseSetpoint([new PhaseSetpoint(230, 0, 0, 0)], 50));
        var settings = new MeterSettings(33.3 * 50, 50, 230, Wiring.OnePhaseTwoWire)
        {
            Flicker = false,
            CurrentChannels = 0,
            MaxHarmonicOrder = 5,
            StartTime = new DateTimeOffset(2026, 11, 27, 8, 59, 30, TimeSpan.Zero),
        };
        var r = MeterRecorder.Run(signal, settings, 31, blockFrames: 1 << 16);
        var tenMinutes = r.Aggregates.Where(a => a.Level == AggregationLevel.Minutes10).Select(a => a.Values).ToList();
        Assert.That(tenMinutes, Has.Count.EqualTo(2));
        Assert.That(tenMinutes[0].Complete, Is.False);
        Assert.That(tenMinutes[0].StartS + tenMinutes[0].DurationS, Is.EqualTo(30).Within(0.2));
        Assert.That(tenMinutes[1].StartS, Is.EqualTo(30).Within(0.2), "the second value starts at the tick");
        Assert.That(tenMinutes[1].UrmsV[0], Is.EqualTo(230).Within(0.023));
    }

    [Test]
    public void Three_wire_totals_by_two_wattmeters_and_line_to_line_unbalance()
    {
        // Balanced 400 V line-to-line (U12, U23, U31 lead the phase voltages by 30°), 5 A at PF 0.8 L.
        // Truth: P = √3·U·I·cos φ, Q1 = √3·U·I·sin φ, Se = √3·U·I (IEEE 1459 3-wire form), u2 = 0.
        var phi = Math.Acos(0.8) * 180 / Math.PI;
        var phases = new PhaseSetpoint[3];
        for (var k = 0; k < 3; k++)
        {
            phases[k] = new PhaseSetpoint(400, 5, 30 - (120 * k), -(120 * k) - phi);
        }

        var signal = new TestSignal(new ThreePhaseSetpoint(phases, 49.91));
        var settings = new MeterSettings(256.3 * 50, 50, 400, Wiring.ThreePhaseThreeWire) { Flicker = false };
        var v = MeterRecorder.Run(signal, settings, 0.65).Intervals[1];
        var s = Math.Sqrt(3) * 400 * 5;
        Assert.Multiple(() =>
        {
            Assert.That(v.Total(TotalField.PW), Is.EqualTo(s * 0.8).Within(5e-5 * s));
            Assert.That(v.Total(TotalField.Q1Var), Is.EqualTo(s * 0.6).Within(5e-5 * s));
            Assert.That(v.Total(TotalField.SeVA), Is.EqualTo(s).Within(5e-5 * s));
            Assert.That(v.Total(TotalField.Pf), Is.EqualTo(0.8).Within(5e-5));
            Assert.That(v.Total(TotalField.U2Percent), Is.LessThan(0.001));
            Assert.That(v.Total(TotalField.U0Percent), Is.NaN);
            Assert.That(v.PW[0], Is.NaN, "no per-phase power without a neutral");
        });
    }

    [Test]
    public void Unbalanced_four_wire_effective_apparent_power()
    {
        // IEEE 1459: Se = 3·Ve·Ie with Ie = sqrt((ΣIk² + In²)/3). Only phase 1 loaded (5 A, PF 1), 230 V balanced:
        // Ie = sqrt((25 + 25)/3), Ve = sqrt((3·3·230² + 3·(√3·230)²)/18) = 230 → Se = 3·230·sqrt(50/3) > SA = 1150.
        var phases = new[] { new PhaseSetpoint(230, 5, 0, 0), new PhaseSetpoint(230, 0, -120, -120), new PhaseSetpoint(230, 0, 120, 120) };
        var settings = new MeterSettings(256.3 * 50, 50, 230, Wiring.ThreePhaseFourWire) { Flicker = false };
        var v = MeterRecorder.Run(new TestSignal(new ThreePhaseSetpoint(phases, 50)), settings, 0.65).Intervals[1];
        var se = 3 * 230 * Math.Sqrt(50.0 / 3);
        Assert.That(v.Total(TotalField.SeVA), Is.EqualTo(se).Within(5e-5 * se));
        Assert.That(v.Total(TotalField.SArithmeticVA), Is.EqualTo(1150).Within(5e-5 * 1150));
        Assert.That(v.Total(TotalField.Pf), Is.EqualTo(1150 / se).Within(1e-4));
    }

    [Test]
    public void Energy_registers_fill_the_quadrant_of_the_load()
    {
        // 3 × 230 V × 5 A at PF 0.5 C (current leads: Q1 < 0, quadrant IV) for 2 s of whole intervals.
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Capacitive), 50));
        var settings = new MeterSettings(256.3 * 50, 50, 230, Wiring.ThreePhaseFourWire) { Flicker = false };
        var r = MeterRecorder.Run(signal, settings, 2.05);
        var e = r.Meter!.Energy;
        var seconds = r.Intervals.Sum(v => v.DurationS);
        var p = 3 * 230 * 5 * 0.5;
        var q = 3 * 230 * 5 * Math.Sqrt(0.75);
        Assert.That(e.ActiveImportWh, Is.EqualTo(p * seconds / 3600).Within(5e-5 * 3450 * seconds / 3600));
        Assert.That(e.ReactiveVarh[3], Is.EqualTo(q * seconds / 3600).Within(5e-5 * 3450 * seconds / 3600));
        Assert.That(e.ActiveExportWh, Is.Zero);
        Assert.That(e.ReactiveVarh[0] + e.ReactiveVarh[1] + e.ReactiveVarh[2], Is.Zero);
    }

    [Test]
    public void Pulse_output_carries_the_remainder()
    {
        // 10 000 imp/kWh → 0.1 Wh per pulse; 0.25 Wh three times = 0.75 Wh → 7 pulses, 0.05 Wh carried.
        var pulses = new PulseOutput(10_000);
        var n = pulses.Add(0.25) + pulses.Add(0.25) + pulses.Add(0.25);
        Assert.That(n, Is.EqualTo(7));
        Assert.That(pulses.Add(0.05), Is.EqualTo(1), "the carried 0.05 Wh completes the eighth");
        Assert.That(pulses.Add(-1), Is.Zero);
    }
}
