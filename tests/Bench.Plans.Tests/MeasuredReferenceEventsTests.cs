using Bench.Dut.Events;
using Bench.Instruments.Roles;
using Bench.Plans.Execution.Tests;
using Bench.Standards.Limits;

namespace Bench.Plans.Tests;

/// <summary>
/// The reference standard's measured events take the place of the programmed ones (pure): paired by kind and start
/// (Class A at 50 Hz: ±40 ms + trigger latency), short events then judged in full, unexplained measurements expected too.
/// </summary>
public class MeasuredReferenceEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PowerQualityEventLimits ClassA = PowerQualityEventLimits.For("A", 50);
    private const string Instrument = "Bench SIM-REFERENCE-3P";

    private static ProgrammedEvent Programmed(int n, PqEventKind kind, double startS, double seconds, double extreme, bool isShort = false) =>
        new(n, new PqEvent(kind, 7, T0.AddSeconds(startS), TimeSpan.FromSeconds(seconds), extreme), extreme, 7, TimeSpan.Zero, isShort) { TriggeredAt = T0.AddSeconds(startS) };

    private static PqEvent Measured(PqEventKind kind, double startS, double seconds, double extreme) => new(kind, 7, T0.AddSeconds(startS), TimeSpan.FromSeconds(seconds), extreme);

    [Test]
    public void A_measured_event_replaces_the_programmed_one_it_explains()
    {
        var references = MeasuredReferenceEvents.Substitute([Programmed(1, PqEventKind.Dip, 0, 0.1, 70)], [Measured(PqEventKind.Dip, 0.01, 0.11, 70.02)], ClassA, 50, Instrument);
        var r = references.Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Expected, Is.EqualTo(Measured(PqEventKind.Dip, 0.01, 0.11, 70.02)));
            Assert.That(r.Planned!.Duration, Is.EqualTo(TimeSpan.FromSeconds(0.1)));
            Assert.That(r.MeasuredBy, Is.EqualTo(Instrument));
            Assert.That(r.Describe(50), Is.EqualTo("#1 dip 70 % Udin 100 ms (5 cycles) L1 L2 L3, measured dip 70.02 % Udin 110 ms (5.5 cycles) L1 L2 L3"));
        });
    }

    [Test]
    public void A_short_interruption_measured_as_a_dip_is_then_judged_in_full()
    {
        // Urms(1/2) of a half-cycle gap: √½ = 70.711 % (analytic), for reference and meter alike.
        var references = MeasuredReferenceEvents.Substitute([Programmed(1, PqEventKind.Interruption, 0, 0.01, 0, isShort: true)], [Measured(PqEventKind.Dip, 0.005, 0.03, 70.711)], ClassA, 50, Instrument);
        var outcome = EventJudgement.Judge(references, [Measured(PqEventKind.Dip, 0.005, 0.03, 71.0)], ClassA, 50);
        Assert.Multiple(() =>
        {
            Assert.That(references.Single().Short, Is.False);
            Assert.That(outcome.Passed, Is.False, "0.289 % Udin off the measured residual");
            Assert.That(outcome.Lines[0], Does.Contain("residual off by +0.289 % Udin (±0.2)"));
        });
    }

    [Test]
    public void Events_the_reference_missed_or_alone_saw_are_said_so()
    {
        var references = MeasuredReferenceEvents.Substitute(
            [Programmed(1, PqEventKind.Dip, 0, 0.1, 70), Programmed(2, PqEventKind.Swell, 5, 0.5, 120)],
            [Measured(PqEventKind.Dip, 0.01, 0.11, 70), Measured(PqEventKind.Dip, 9, 0.2, 85)],
            ClassA,
            50,
            Instrument);
        Assert.Multiple(() =>
        {
            Assert.That(references, Has.Count.EqualTo(3));
            Assert.That(references[1].MeasuredBy, Is.Null);
            Assert.That(references[1].Describe(50), Does.Contain("measured no event here: judged against the programmed values"));
            Assert.That(references[2].Expected!.Start, Is.EqualTo(T0.AddSeconds(9)));
            Assert.That(references[2].Describe(50), Does.Contain("no programmed event explains it"));
        });
    }

    [Test]
    public void Armed_offsets_become_bench_times()
    {
        var e = MeasuredReferenceEvents.ToPqEvent(new MeasuredVoltageEvent(MeasuredEventKind.Interruption, 7, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5.02), 0), T0);
        Assert.That(e, Is.EqualTo(new PqEvent(PqEventKind.Interruption, 7, T0.AddSeconds(2.5), TimeSpan.FromSeconds(5.02), 0)));
    }
}
