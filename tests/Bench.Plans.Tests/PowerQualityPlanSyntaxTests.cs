using Bench.Core.Errors;
using Bench.Plans.Loading;
using Bench.Standards.Limits;

namespace Bench.Plans.Tests;

/// <summary>The IEC 62586-2 point syntax for events, harmonics, unbalance and flicker: what loads and where bad input is reported.</summary>
public class PowerQualityPlanSyntaxTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bench-pqplan-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    private const string Header = "name: t\nstandard: IEC 61000-4-30\nclass: A\npoints:\n";

    [TestCase("", Model.EventRecordsMode.Optional)]
    [TestCase(", records: required", Model.EventRecordsMode.Required)]
    [TestCase(", records: Optional", Model.EventRecordsMode.Optional)]
    [TestCase(", records: off", Model.EventRecordsMode.Off)]
    public void Records_are_optional_unless_the_point_says_otherwise(string key, Model.EventRecordsMode expected)
    {
        var written = Load($"  - {{ id: E, parameter: events, events: [ {{ residual: 70, duration-ms: 100 }} ]{key} }}\n");
        var set = Load($"  - {{ id: E, parameter: events, event-set: iec61000-4-11-class2{key} }}\n");
        Assert.That((written.Points[0].Stimulus.Records, set.Points[0].Stimulus.Records), Is.EqualTo((expected, expected)));
    }

    [Test]
    public void An_event_sequence_loads_with_durations_phases_and_gaps()
    {
        var plan = Load("""
              - id: SEQ
                parameter: events
                gap-s: 1.5
                events:
                  - { residual: 70, duration-ms: 100 }
                  - { residual: 40, duration-cycles: 10, phases: L1 L3, gap-s: 3 }
                  - { residual: 120, duration-s: 0.5 }
            """);
        var events = plan.Points[0].Stimulus.Events;
        Assert.Multiple(() =>
        {
            Assert.That(plan.Points[0].Parameter, Is.EqualTo(PowerQualityParameter.VoltageEvents));
            Assert.That(events.Select(e => e.ResidualPercent), Is.EqualTo(new[] { 70.0, 40, 120 }));
            Assert.That(events.Select(e => e.Seconds(50)), Is.EqualTo(new[] { 0.1, 0.2, 0.5 }).Within(1e-12));
            Assert.That(events[1].Seconds(60), Is.EqualTo(10.0 / 60).Within(1e-12), "cycles follow the point's frequency");
            Assert.That(events[0].Phases, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(events[1].Phases, Is.EqualTo(new[] { 1, 3 }));
            Assert.That(events.Select(e => e.GapS), Is.EqualTo(new[] { 1.5, 3, 1.5 }));
        });
    }

    [Test]
    public void An_event_set_expands_to_its_test_levels_at_50_and_60_Hz()
    {
        var plan = Load("  - { id: S, parameter: events, event-set: IEC61000-4-11-class3, start-tolerance-ms: 250 }\n");
        var events = plan.Points[0].Stimulus.Events;
        Assert.Multiple(() =>
        {
            Assert.That(plan.Points[0].Stimulus.EventSet, Is.EqualTo("iec61000-4-11-class3"));
            Assert.That(plan.Points[0].Stimulus.StartToleranceS, Is.EqualTo(0.25));
            // 0 % ½ and 1 cycle, 40 % 10/12, 70 % 25/30, 80 % 250/300 cycles, 0 % 250/300 (IEC 61000-4-11 Tables 1, 2; unconfirmed).
            Assert.That(events.Select(e => e.ResidualPercent), Is.EqualTo(new[] { 0.0, 0, 40, 70, 80, 0 }));
            Assert.That(events[2].Seconds(50), Is.EqualTo(0.2).Within(1e-12));
            Assert.That(events[2].Seconds(60), Is.EqualTo(0.2).Within(1e-12), "12 cycles at 60 Hz");
            Assert.That(events[3].Seconds(60), Is.EqualTo(0.5).Within(1e-12), "30 cycles at 60 Hz");
        });
    }

    [Test]
    public void Harmonics_unbalance_and_flicker_points_load()
    {
        var plan = Load("""
              - { id: T, parameter: thd, harmonics: { h3: 5, h5: 6 } }
              - { id: H, parameter: harmonic, order: 5, harmonics: { h5: 6 } }
              - { id: U, parameter: unbalance, unbalance: 2 }
              - { id: P, parameter: flicker, flicker: { changes-per-minute: 1620, delta-u: 0.407 } }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Points[0].Stimulus.VoltageHarmonics.Select(h => (h.Order, h.PercentOfFundamental)), Is.EqualTo(new[] { (3.0, 5.0), (5.0, 6.0) }));
            Assert.That(plan.Points[1].Stimulus.HarmonicOrder, Is.EqualTo(5));
            Assert.That(plan.Points[2].Stimulus.UnbalancePercent, Is.EqualTo(2));
            Assert.That(plan.Points[3].Stimulus.Flicker, Is.EqualTo((1620.0, 0.407)));
        });
    }

    // Columns are 1-based positions of the offending token on line 5 (YamlDotNet's marks), counted with Python's str.index.
    [TestCase("  - { id: E, parameter: events }\n", "5:5", "needs 'events'")]
    [TestCase("  - { id: E, parameter: events, event-set: iec61000-4-11-class9 }\n", "5:44", "event-set is one of")]
    [TestCase("  - { id: E, parameter: events, events: [ { residual: 70 } ] }\n", "5:43", "exactly one of 'duration-ms'")]
    [TestCase("  - { id: E, parameter: events, events: [ { residual: 70, duration-ms: 100, phases: L4 } ] }\n", "5:85", "phases is 'all'")]
    [TestCase("  - { id: E, parameter: events, events: [ { residual: 70, duration-ms: 100, depth: 3 } ] }\n", "5:77", "unknown key 'depth'")]
    [TestCase("  - { id: E, parameter: events, events: [ { residual: 250, duration-ms: 100 } ] }\n", "5:55", "'residual' lies in 0…200")]
    [TestCase("  - { id: E, parameter: events, event-set: iec61000-4-11-class2, start-tolerance-ms: 0 }\n", "5:86", "must be positive")]
    [TestCase("  - { id: E, parameter: events, event-set: iec61000-4-11-class2, meter-clock: gps }\n", "5:79", "meter-clock is synchronised or unsynchronised")]
    [TestCase("  - { id: E, parameter: events, event-set: iec61000-4-11-class2, records: always }\n", "5:75", "records is required, optional or off")]
    [TestCase("  - { id: H, parameter: harmonic, order: 7, harmonics: { h5: 6 } }\n", "5:5", "sets no h7")]
    [TestCase("  - { id: T, parameter: thd, harmonics: { h51: 6 } }\n", "5:43", "unknown key 'h51'")]
    [TestCase("  - { id: U, parameter: voltage, unbalance: 2 }\n", "5:34", "unknown key 'unbalance'")]
    public void Bad_power_quality_points_name_line_and_column(string point, string lineColumn, string message)
    {
        var path = Write(Header + point);
        var e = Assert.Throws<BenchInputException>(() => PlanLoader.Load(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain(message));
            Assert.That(e.Message, Does.Contain($"plan.yaml:{lineColumn}"));
        });
    }

    private Bench.Plans.Model.TestPlan Load(string points) => PlanLoader.Load(Write(Header + points));

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
