using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Instruments.Tests.Drivers;

/// <summary>A reference standard's voltage-event detection through its profile's 'events' commands, against the simulated reference.</summary>
public class ReferenceEventRecorderTests
{
    [Test]
    public async Task The_simulated_reference_measures_a_dip_the_source_runs_after_it_was_armed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var grid = new SimulatedGrid(time);
        var sourceProfile = InstrumentProfile.LoadShipped("bench-sim-source.yaml");
        var referenceProfile = InstrumentProfile.LoadShipped("bench-sim-reference.yaml");
        await using var simSource = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Profile = sourceProfile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var simReference = await SimulatedReference.StartAsync(new GridObserver(grid), new SimulatedInstrumentOptions { Profile = referenceProfile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var source = await InstrumentConnector.OpenSourceAsync(sourceProfile, simSource.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        await using var reference = await InstrumentConnector.OpenReferenceAsync(referenceProfile, simReference.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        var recorder = (IEventRecorder)reference;
        Assert.That(recorder.SupportsEvents, Is.True);
        await recorder.ArmEventsAsync(230, CancellationToken.None);
        Assert.That(await recorder.ReadEventsAsync(CancellationToken.None), Is.Empty, "nothing since armed");
        time.Advance(TimeSpan.FromSeconds(0.5));
        await ((IVoltageEventSource)source).RunVoltageEventAsync(VoltageEvent.AllPhases(40, 0.2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(0.2));
        await ((Bench.Instruments.Drivers.ProfileSource)source).EndVoltageEventAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        var e = (await recorder.ReadEventsAsync(CancellationToken.None)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(MeasuredEventKind.Dip));
            Assert.That(e.PhaseMask, Is.EqualTo(0b111));
            // 40 % of 230 V programmed: the residual is the Urms(1/2) minimum, 40 % of Udin exactly once a whole cycle is dipped.
            Assert.That(e.ExtremePercentOfDeclared, Is.EqualTo(40).Within(0.01));
            // Started 0.5 s after arming; Urms(1/2) sees it within one cycle and lengthens it by 0…1 cycle (20 ms at 50 Hz).
            Assert.That(e.SinceArmed.TotalMilliseconds, Is.InRange(500, 520));
            Assert.That(e.Duration.TotalMilliseconds, Is.InRange(200, 220));
        });

        await recorder.ArmEventsAsync(230, CancellationToken.None);
        Assert.That(await recorder.ReadEventsAsync(CancellationToken.None), Is.Empty, "arming clears the list");
    }

    [Test]
    public async Task A_reference_without_an_events_section_offers_none()
    {
        var profile = InstrumentProfile.LoadShipped("yokogawa-wt5000.yaml");
        Assert.That(profile.Events, Is.Null, "no event commands are documented for it");
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var sim = await SimulatedReference.StartAsync(new GridObserver(grid), new SimulatedInstrumentOptions { Profile = profile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var reference = await InstrumentConnector.OpenReferenceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        var recorder = (IEventRecorder)reference;
        Assert.That(recorder.SupportsEvents, Is.False);
        Assert.That(() => recorder.ReadEventsAsync(CancellationToken.None), Throws.TypeOf<BenchInputException>().With.Message.Contains("no 'events' section"));
    }

    [TestCase("  query: \"EVENt:DATA?\"\n  fields: [KIND, PHASES, START_S, DURATION_S, EXTREME_PERCENT]\n", "needs an {index} placeholder")]
    [TestCase("  query: \"EVENt:DATA? {index}\"\n  fields: [KIND, PHASES, START_S, DURATION_S]\n", "event fields need EXTREME_PERCENT")]
    [TestCase("  query: \"EVENt:DATA? {index}\"\n  fields: [KIND, PHASES, START_S, DURATION_S, EXTREME_PERCENT, RMS]\n", "unknown field 'RMS'")]
    public void A_bad_events_section_is_a_line_numbered_error(string tail, string reason)
    {
        var text = File.ReadAllText(InstrumentProfile.FindShipped("bench-sim-reference.yaml"));
        var start = text.IndexOf("events:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\nranges:", StringComparison.Ordinal);
        var yaml = text[..start] + "events:\n  arm: [\"EVENt:ARM {declared_v}\"]\n  count: \"EVENt:COUNt?\"\n" + tail + text[(end + 1)..];
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(yaml, "r.yaml"));
        Assert.That(ex!.Message, Does.Match(@"^r\.yaml:\d+:\d+: ").And.Contain(reason));
    }
}
