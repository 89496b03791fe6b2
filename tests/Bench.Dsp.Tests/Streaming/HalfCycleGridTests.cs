using Bench.Core.Quantities;
using Bench.Dsp.Events;
using Bench.Dsp.Streaming;
using Bench.Waveforms.Synthesis;

namespace Bench.Dsp.Tests.Streaming;

/// <summary>
/// Urms(1/2) of each channel on that channel's own fundamental zero crossings (IEC 61000-4-30 §5.4.2: one cycle,
/// commencing at a fundamental zero crossing, refreshed every half cycle), not on the first voltage's.
/// </summary>
public sealed class HalfCycleGridTests
{
    [TestCase(50.0, 256.3)]
    [TestCase(59.97, 213.71)]
    public void Each_phase_is_measured_between_its_own_zero_crossings(double f, double spc)
    {
        // Balanced 120° system; phase B (lagging 120°) dips to 40 % from 0.3 s for 0.2 s, A and C stay at 230 V.
        var nominal = f > 55 ? 60 : 50;
        var dip = new VoltageEvent(0.3, 0.2, 40) { Phases = [1] };
        var signal = new TestSignal(ThreePhaseSetpoint.Balanced(230, 0, PowerFactor.Unity, f)) { VoltageEvents = [dip] };
        var settings = new MeterSettings(spc * nominal, nominal, 230, Wiring.ThreePhaseFourWire) { Flicker = false, CurrentChannels = 0 };
        var r = MeterRecorder.Run(signal, settings, 0.8, keepHalfCycles: true);

        // Truth: phase k = sin(2π f t − k·120°) crosses zero at t = (m/2 + k/3)/f; a window wholly outside the dip
        // measures 230 V, wholly inside 0.4·230 = 92 V (a whole cycle of a sine, any start).
        var worstStart = 0.0;
        var checkedInside = 0;
        for (var k = 0; k < 3; k++)
        {
            var windows = r.ChannelHalfCycles.Where(c => c.Channel == k).Select(c => c.Window).ToList();
            Assert.That(windows, Has.Count.GreaterThan(2 * 0.7 * f), $"phase {k}: one value per half cycle");
            foreach (var w in windows)
            {
                var m = Math.Round(((w.StartS * f) - (k / 3.0)) * 2);
                var crossing = ((m / 2) + (k / 3.0)) / f;
                worstStart = Math.Max(worstStart, Math.Abs(w.StartS - crossing));
                Assert.That(w.EndS - w.StartS, Is.EqualTo(1 / f).Within(1e-6), $"phase {k}: one cycle");
                var inside = k == 1 && w.StartS >= dip.StartS && w.EndS <= dip.StartS + dip.DurationS;
                var outside = k != 1 || w.EndS <= dip.StartS || w.StartS >= dip.StartS + dip.DurationS;
                if (inside)
                {
                    checkedInside++;
                }

                if (inside || outside)
                {
                    Assert.That(w.Urms, Is.EqualTo(inside ? 92 : 230).Within(1e-4 * 230), $"phase {k} window at {w.StartS:0.0000} s");
                }
            }
        }

        TestContext.Out.WriteLine($"worst window start from the phase's own zero crossing: {worstStart * 1e6:0.000} µs");
        Assert.That(worstStart, Is.LessThan(1e-6), "windows commence at the phase's own zero crossing");
        Assert.That(checkedInside, Is.GreaterThanOrEqualTo(16));

        // Only phase B dips; the polyphase dip is phase B's.
        var b = r.Events.Single(e => e.Type == PqEventType.Dip && e.Phase == 1);
        var poly = r.Events.Single(e => e.Type == PqEventType.Dip && e.Phase == -1);
        Assert.That(r.Events.Count(e => e.Phase is 0 or 2), Is.Zero);
        Assert.That(b.ExtremeV, Is.EqualTo(92).Within(0.0002 * 230));
        Assert.That(b.StartS, Is.EqualTo(0.3).Within(0.5 / f));
        Assert.That(b.DurationS, Is.EqualTo(0.2).Within(0.5 / f));
        Assert.That((poly.StartS, poly.DurationS, poly.ExtremeV), Is.EqualTo((b.StartS, b.DurationS, b.ExtremeV)));
    }
}
