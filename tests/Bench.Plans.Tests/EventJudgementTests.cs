using Bench.Dut.Events;
using Bench.Plans.Execution.Tests;
using Bench.Standards.Limits;

namespace Bench.Plans.Tests;

/// <summary>
/// Pairing and judging of events, pure: Class A at 50 Hz gives residual ±0.2 % Udin, duration ±1 cycle = 20 ms, start
/// ±(20 ms clock + 20 ms detection) + trigger latency (power-quality.md §2, §3; PowerQualityEventLimits).
/// </summary>
public class EventJudgementTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PowerQualityEventLimits ClassA = PowerQualityEventLimits.For("A", 50);

    private static ProgrammedEvent Dip(int n, double seconds, double startS, double residual = 70, bool isShort = false) =>
        new(n, new PqEvent(PqEventKind.Dip, 7, T0.AddSeconds(startS), TimeSpan.FromSeconds(seconds), residual), residual, 7, TimeSpan.FromMilliseconds(5), isShort);

    private static PqEvent Logged(PqEventKind kind, double startS, double seconds, double residual) => new(kind, 7, T0.AddSeconds(startS), TimeSpan.FromSeconds(seconds), residual);

    [Test]
    public void Start_within_clock_detection_and_latency_pairs_and_beyond_it_is_missing_plus_extra()
    {
        // 40 ms + 5 ms latency = 45 ms: 44 ms late pairs, 46 ms late does not.
        var inside = EventJudgement.Judge([Dip(1, 0.1, 0)], [Logged(PqEventKind.Dip, 0.044, 0.1, 70)], ClassA, 50);
        var outside = EventJudgement.Judge([Dip(1, 0.1, 0)], [Logged(PqEventKind.Dip, 0.046, 0.1, 70)], ClassA, 50);
        Assert.Multiple(() =>
        {
            Assert.That(inside.Passed, Is.True, string.Join(" | ", inside.Lines));
            Assert.That((outside.Passed, outside.Missing, outside.Extra), Is.EqualTo((false, 1, 1)));
            Assert.That(outside.Lines[0], Does.Contain("MISSING"));
            Assert.That(outside.Lines[1], Does.StartWith("EXTRA"));
        });
    }

    [Test]
    public void The_clock_offset_is_the_median_of_starts_paired_in_order()
    {
        // Offsets +2.000, +2.010 and +9.000 s (an out-of-step third event): median +2.010 s; the missing swell pairs with nothing.
        var swell = new ProgrammedEvent(4, new PqEvent(PqEventKind.Swell, 7, T0.AddSeconds(30), TimeSpan.FromSeconds(0.5), 120), 120, 7, TimeSpan.Zero, false);
        var logged = new[] { Logged(PqEventKind.Dip, 2, 0.1, 70), Logged(PqEventKind.Dip, 12.01, 0.1, 70), Logged(PqEventKind.Interruption, 29, 0.1, 0) };
        var estimate = MeterClockOffset.Estimate([Dip(1, 0.1, 0), Dip(2, 0.1, 10), Dip(3, 0.1, 20), swell], logged);
        Assert.That(estimate, Is.EqualTo((TimeSpan.FromSeconds(2.01), 3)));
    }

    [Test]
    public void A_swell_logged_for_a_dip_is_not_a_match()
    {
        var outcome = EventJudgement.Judge([Dip(1, 0.1, 0)], [Logged(PqEventKind.Swell, 0, 0.1, 112)], ClassA, 50);
        Assert.That((outcome.Passed, outcome.Missing, outcome.Extra), Is.EqualTo((false, 1, 1)));
    }

    [Test]
    public void A_short_interruption_logged_as_a_dip_counts_as_detected_without_judging_its_values()
    {
        var interruption = new ProgrammedEvent(1, new PqEvent(PqEventKind.Interruption, 7, T0, TimeSpan.FromMilliseconds(10), 0), 0, 7, TimeSpan.Zero, true);
        var outcome = EventJudgement.Judge([interruption], [Logged(PqEventKind.Dip, 0.005, 0.03, 68)], ClassA, 50);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Passed, Is.True);
            Assert.That(outcome.WorstExtremeError, Is.Null, "nothing judged on a short event");
            Assert.That(outcome.Lines[0], Does.Contain("not judged"));
        });
    }

    [TestCase(0.0199, 0.199, true)]
    [TestCase(0.0201, 0, false)]
    [TestCase(0, 0.201, false)]
    public void Duration_and_residual_limits(double durationErrorS, double residualError, bool passed)
    {
        var outcome = EventJudgement.Judge([Dip(1, 0.5, 0)], [Logged(PqEventKind.Dip, 0, 0.5 + durationErrorS, 70 + residualError)], ClassA, 50);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Passed, Is.EqualTo(passed), string.Join(" | ", outcome.Lines));
            Assert.That(outcome.WorstExtremeError, Is.EqualTo(residualError).Within(1e-9));
        });
    }

    [Test]
    public void A_setting_inside_the_thresholds_expects_nothing_and_an_event_there_is_extra()
    {
        var none = new ProgrammedEvent(1, null, 95, 7, TimeSpan.Zero, false);
        Assert.Multiple(() =>
        {
            Assert.That(EventJudgement.Judge([none], [], ClassA, 50).Passed, Is.True);
            Assert.That(EventJudgement.Judge([none], [Logged(PqEventKind.Dip, 0, 0.1, 95)], ClassA, 50).Extra, Is.EqualTo(1));
        });
    }
}
