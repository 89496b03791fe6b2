using Bench.Dut.Events;

namespace Bench.Dut.Tests.Events;

public sealed class PqEventComparisonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly PqEventTolerance ClassA = PqEventTolerance.ClassA(50);

    [Test]
    public void Class_A_tolerance_is_the_class_s_figures()
    {
        // standards/power-quality.md §2–3: residual ±0.2 % Udin, duration ±1 cycle (20 ms at 50 Hz), start ±(20 ms
        // clock + 20 ms detection) — the same figures as PowerQualityEventLimits.For("A", 50) the events point uses;
        // the reference's own uncertainty goes into the budget, not into the limit.
        Assert.That(ClassA, Is.EqualTo(new PqEventTolerance(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(20), 0.2)));
        Assert.That(PqEventTolerance.ClassS(50), Is.EqualTo(new PqEventTolerance(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(40), 1.0)));
    }

    [Test]
    public void Same_event_within_tolerance_agrees()
    {
        var reference = new PqEvent(PqEventKind.Dip, 0b111, T0, TimeSpan.FromMilliseconds(200), 50.0);
        var meter = reference with { Start = T0.AddMilliseconds(15), Duration = TimeSpan.FromMilliseconds(190), ExtremePercentOfDeclared = 50.15 };
        var match = PqEventComparison.Compare([meter], [reference], ClassA).Single();
        Assert.Multiple(() =>
        {
            Assert.That(match.Passed, Is.True, match.Reason);
            Assert.That(match.StartError, Is.EqualTo(TimeSpan.FromMilliseconds(15)));
            Assert.That(match.DurationError, Is.EqualTo(TimeSpan.FromMilliseconds(-10)));
            Assert.That(match.ExtremeErrorPercentPoints, Is.EqualTo(0.15).Within(1e-9));
        });
    }

    [Test]
    public void Duration_and_residual_outside_tolerance_fail_with_both_reasons()
    {
        var reference = new PqEvent(PqEventKind.Dip, 1, T0, TimeSpan.FromMilliseconds(200), 50.0);
        var meter = reference with { Duration = TimeSpan.FromMilliseconds(260), ExtremePercentOfDeclared = 51 };
        var match = PqEventComparison.Compare([meter], [reference], ClassA).Single();
        Assert.Multiple(() =>
        {
            Assert.That(match.Passed, Is.False);
            Assert.That(match.Reason, Does.Contain("duration off by +60 ms (±20 ms)").And.Contain("residual off by +1 % Udin (±0.2)"));
        });
    }

    [Test]
    public void Phases_must_agree()
    {
        var reference = new PqEvent(PqEventKind.Dip, 0b111, T0, TimeSpan.FromMilliseconds(200), 50.0);
        var match = PqEventComparison.Compare([reference with { PhaseMask = 0b001 }], [reference], ClassA).Single();
        Assert.That((match.Passed, match.Reason), Is.EqualTo((false, "phases L1 instead of L1 L2 L3")));
    }

    [Test]
    public void Missed_events_and_false_detections_are_reported()
    {
        var dip = new PqEvent(PqEventKind.Dip, 1, T0, TimeSpan.FromMilliseconds(100), 70);
        var swell = new PqEvent(PqEventKind.Swell, 1, T0.AddSeconds(5), TimeSpan.FromMilliseconds(100), 115);
        var ghost = new PqEvent(PqEventKind.Interruption, 7, T0.AddSeconds(9), TimeSpan.FromSeconds(1), 0);
        var lateDip = dip with { Start = T0.AddMilliseconds(100) };

        var matches = PqEventComparison.Compare([lateDip, swell, ghost], [dip, swell], ClassA);

        Assert.Multiple(() =>
        {
            Assert.That(matches, Has.Count.EqualTo(4));
            Assert.That(matches[0].Meter, Is.Null, "the meter's dip started 100 ms late: not the same event");
            Assert.That(matches[1].Passed, Is.True);
            Assert.That(matches.Where(m => m.Reference is null).Select(m => m.Meter!.Kind), Is.EquivalentTo(new[] { PqEventKind.Dip, PqEventKind.Interruption }));
        });
    }

    [Test]
    public void Event_record_round_trips_through_its_registers()
    {
        var e = new PqEvent(PqEventKind.Swell, 0b010, T0.AddMilliseconds(1234), TimeSpan.FromMilliseconds(456), 112.5);
        var registers = new ushort[EventRecordCodec.RecordLength];
        EventRecordCodec.Encode(e, registers);
        Assert.Multiple(() =>
        {
            Assert.That(registers[0], Is.EqualTo(2));
            Assert.That(registers[1], Is.EqualTo(2));
            Assert.That(EventRecordCodec.Decode(registers), Is.EqualTo(e));
        });
    }
}
