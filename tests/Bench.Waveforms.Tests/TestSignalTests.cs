using Bench.Core.Quantities;
using Bench.Waveforms.Synthesis;

namespace Bench.Waveforms.Tests;

public sealed class TestSignalTests
{
    private static readonly ThreePhaseSetpoint Nominal = ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50);

    [Test]
    public void Frequency_ramp_integrates_to_the_analytic_phase()
    {
        // 50 Hz until 1 s, linear to 51 Hz over 2 s: cycles(t) = 50·t for t ≤ 1; 50 + 50·τ + 0.25·τ² for τ = t − 1 ≤ 2; then 51 Hz.
        var s = new TestSignal(Nominal) { FrequencySteps = [new FrequencyStep(1, 51, 2)] };
        Assert.That(s.CyclesAt(0.5), Is.EqualTo(25).Within(1e-9));
        Assert.That(s.CyclesAt(2.0), Is.EqualTo(50 + 50 + 0.25).Within(1e-9));
        Assert.That(s.CyclesAt(4.0), Is.EqualTo(50 + 100 + 1 + 51).Within(1e-9));
        Assert.That(s.FrequencyAt(2.0), Is.EqualTo(50.5).Within(1e-12));
    }

    [Test]
    public void Dip_at_point_on_wave_scales_only_the_chosen_phase_from_its_start()
    {
        var dip = VoltageEvent.AtPointOnWave(2, 90, 50, 0.02, 40) with { Phases = [1] };
        var record = TestSignalSynthesizer.Synthesize(new TestSignal(Nominal) { VoltageEvents = [dip] }, 10000, 1000);
        var start = (int)Math.Ceiling(dip.StartS * 10000);
        Assert.That(dip.StartS, Is.EqualTo(0.045).Within(1e-12), "cycle 2 + 90° at 50 Hz");

        // Phase B = 230·√2·sin(ωt − 120°); inside the dip 40 % of it.
        var t = start / 10000.0;
        var expected = 0.4 * 230 * Math.Sqrt(2) * Math.Sin((2 * Math.PI * 50 * t) - (2 * Math.PI / 3));
        Assert.That(record.Channels[1].Samples[start], Is.EqualTo(expected).Within(1e-9));
        Assert.That(record.Channels[0].Samples[start], Is.EqualTo(230 * Math.Sqrt(2) * Math.Sin(2 * Math.PI * 50 * t)).Within(1e-9));
    }

    [Test]
    public void Rectangular_flicker_envelope_alternates_by_half_the_change()
    {
        var m = FlickerModulation.RectangularPerMinute(120, 2.0); // 1 Hz square wave, ΔU/U = 2 %
        Assert.That(m.Envelope(0.25), Is.EqualTo(1.01).Within(1e-12));
        Assert.That(m.Envelope(0.75), Is.EqualTo(0.99).Within(1e-12));
    }

    [Test]
    public void Phase_jump_moves_the_fundamental()
    {
        var s = new TestSignal(Nominal) { PhaseJumps = [new PhaseJump(0.01, 30)] };
        var r = TestSignalSynthesizer.Synthesize(s, 10000, 200);
        var t = 150 / 10000.0;
        Assert.That(r.Channels[0].Samples[150], Is.EqualTo(230 * Math.Sqrt(2) * Math.Sin((2 * Math.PI * 50 * t) + (Math.PI / 6))).Within(1e-9));
    }

    [Test]
    public void Noise_is_reproducible_and_of_the_set_size()
    {
        var s = new TestSignal(ThreePhaseSetpoint.Off(50)) { VoltageNoisePercent = 1, NoiseSeed = 7 };
        var s2 = s with { Setpoint = new ThreePhaseSetpoint([new PhaseSetpoint(100, 0, 0, 0)], 50) };
        var a = TestSignalSynthesizer.Synthesize(s2, 10000, 20000);
        var b = TestSignalSynthesizer.Synthesize(s2, 10000, 20000);
        Assert.That(a.Channels[0].Samples, Is.EqualTo(b.Channels[0].Samples));

        // Noise rms adds in quadrature: sqrt(100² + 1²).
        var rms = Math.Sqrt(a.Channels[0].Samples.Average(x => x * x));
        Assert.That(rms, Is.EqualTo(Math.Sqrt((100 * 100) + 1)).Within(0.01));
    }
}
