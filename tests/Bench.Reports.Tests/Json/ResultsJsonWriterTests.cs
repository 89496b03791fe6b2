using System.Text.Json;

using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Reports.Json;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Json;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class ResultsJsonWriterTests(string culture) : CultureFixture(culture)
{
    [Test]
    public void Carries_the_schema_and_the_overall_verdict()
    {
        using var doc = JsonDocument.Parse(ResultsJsonWriter.ToJson(SampleRuns.Mixed()));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("bench.results/1"));
        // One INCOMPLETE point leaves the run INCOMPLETE (VerdictExtensions.Combine).
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("INCOMPLETE"));
        Assert.That(root.GetProperty("run").GetProperty("id").GetString(), Is.EqualTo("run-20261127-083000-a1b2"));
        Assert.That(root.GetProperty("run").GetProperty("class").GetString(), Is.EqualTo("0.2S"));
        Assert.That(root.GetProperty("run").GetProperty("started").GetString(), Is.EqualTo("2026-11-27T08:30:00+00:00"));
    }

    [Test]
    public void Points_have_every_contract_key_with_invariant_numbers()
    {
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed());
        using var doc = JsonDocument.Parse(json);
        var points = doc.RootElement.GetProperty("points");
        Assert.That(points.GetArrayLength(), Is.EqualTo(8));
        string[] keys = ["id", "quantity", "setpoint", "referenceWh", "meterWh", "errorPercent", "limitPercent", "verdict", "reason",
            "limitSource", "uncertaintyPercent", "tur", "decisionRule", "durationS"];
        foreach (var point in points.EnumerateArray())
        {
            Assert.That(point.EnumerateObject().Select(p => p.Name), Is.SupersetOf(keys));
        }

        var first = points[0];
        Assert.That(first.GetProperty("errorPercent").GetDouble(), Is.EqualTo(0.112));
        Assert.That(first.GetProperty("setpoint").GetProperty("currentA").GetDouble(), Is.EqualTo(0.05));
        Assert.That(first.GetProperty("setpoint").GetProperty("powerFactor").GetString(), Is.EqualTo("1"));
        Assert.That(first.GetProperty("setpoint").GetProperty("currentPercentOfNominal").GetDouble(), Is.EqualTo(1));
        Assert.That(json, Does.Contain("\"errorPercent\": 0.112"), "a comma-decimal culture must not leak into the file");
        Assert.That(points[2].GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
        Assert.That(points[4].GetProperty("limitSource").GetProperty("unconfirmed").GetBoolean(), Is.True);
        Assert.That(points[5].GetProperty("verdict").GetString(), Is.EqualTo("INCOMPLETE"));
        Assert.That(points[5].GetProperty("errorPercent").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(points[5].GetProperty("reason").GetString(), Does.Contain("no reply"));
    }

    [Test]
    public void Instruments_carry_calibration_for_traceability()
    {
        using var doc = JsonDocument.Parse(ResultsJsonWriter.ToJson(SampleRuns.Mixed()));
        var reference = doc.RootElement.GetProperty("instruments")[1];
        Assert.That(reference.GetProperty("serial").GetString(), Is.EqualTo(SampleRuns.ReferenceSerial));
        Assert.That(reference.GetProperty("calibration").GetProperty("certificate").GetString(), Is.EqualTo("CAL-2026-0193"));
        Assert.That(reference.GetProperty("calibration").GetProperty("due").GetString(), Is.EqualTo("2027-03-02"));
        var dut = doc.RootElement.GetProperty("dut");
        Assert.That(dut.GetProperty("serial").GetString(), Is.EqualTo(SampleRuns.DutSerial));
        Assert.That(dut.GetProperty("ratings").GetProperty("nominalCurrentA").GetDouble(), Is.EqualTo(5));
    }

    [Test]
    public void Round_trips_through_a_file()
    {
        using var temp = new TempFolder();
        var original = SampleRuns.Mixed() with { AbortReason = "operator pressed Ctrl+C" };
        var path = temp.File("results.json");
        ResultsJsonWriter.Write(original, path);
        var back = ResultsJsonWriter.Read(path);

        Assert.That(back.Points, Is.EqualTo(original.Points)); // records: value equality member by member
        Assert.That(back.Instruments, Is.EqualTo(original.Instruments));
        Assert.That(back.Dut, Is.EqualTo(original.Dut));
        Assert.That(back with { Points = original.Points, Instruments = original.Instruments }, Is.EqualTo(original));
        Assert.That(ResultsJsonWriter.ToJson(back), Is.EqualTo(ResultsJsonWriter.ToJson(original)));
    }

    [Test]
    public void An_aborted_run_is_incomplete_even_when_its_attempted_points_passed()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.01, 0.2, Verdict.Pass)]);
        using var passed = JsonDocument.Parse(ResultsJsonWriter.ToJson(run));
        Assert.That(passed.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("PASS"));
        using var aborted = JsonDocument.Parse(ResultsJsonWriter.ToJson(run with { AbortReason = "Ctrl+C" }));
        Assert.That(aborted.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("INCOMPLETE"));
        Assert.That(aborted.RootElement.GetProperty("run").GetProperty("abortReason").GetString(), Is.EqualTo("Ctrl+C"));
    }

    [Test]
    public void Every_verdict_round_trips_by_its_wire_text()
    {
        foreach (var v in Enum.GetValues<Verdict>())
        {
            var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.1, 0.2, v)]);
            var back = ResultsJsonWriter.FromJson(ResultsJsonWriter.ToJson(run));
            Assert.That(back.Points[0].Verdict, Is.EqualTo(v));
        }
    }

    [Test]
    public void Budget_repeats_and_coverage_round_trip()
    {
        var run = SampleRuns.Run([SampleBudgets.WithBudget(SampleRuns.Point("p", 100, "1", 0.05, 0.2, Verdict.Pass), k: 2.87)]);
        var json = ResultsJsonWriter.ToJson(run);
        using var doc = JsonDocument.Parse(json);
        var point = doc.RootElement.GetProperty("points")[0];
        Assert.That(point.GetProperty("repeats").GetInt32(), Is.EqualTo(5));
        Assert.That(point.GetProperty("coverageFactor").GetDouble(), Is.EqualTo(2.87));
        Assert.That(point.GetProperty("budget").GetArrayLength(), Is.EqualTo(5));
        Assert.That(point.GetProperty("budget")[0].GetProperty("standardUncertaintyPercent").GetDouble(), Is.EqualTo(0.01));
        var back = ResultsJsonWriter.FromJson(json).Points[0];
        Assert.That(back.Budget, Is.EqualTo(SampleBudgets.Example));
        Assert.That(back with { Budget = null }, Is.EqualTo(run.Points[0] with { Budget = null }));
    }

    [Test]
    public void Test_kind_units_and_power_quality_readings_round_trip()
    {
        var pq = SampleRuns.Point("PQ-F", 100, "1", 2.5, 10, Verdict.Pass) with
        {
            ReferenceWh = null,
            MeterWh = null,
            Test = "power-quality",
            ErrorUnit = "mHz",
            ReferenceValue = 50.0125,
            MeterValue = 50.015,
            ValueUnit = "Hz",
        };
        var influence = SampleRuns.Point("INF", 100, "1", 0.002, 0.1, Verdict.Pass) with { Test = "influence" };
        var run = SampleRuns.Run([pq, influence]);
        var json = ResultsJsonWriter.ToJson(run);
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("points")[0];
        Assert.That(first.GetProperty("test").GetString(), Is.EqualTo("power-quality"));
        Assert.That(first.GetProperty("errorUnit").GetString(), Is.EqualTo("mHz"));
        Assert.That(first.GetProperty("referenceValue").GetDouble(), Is.EqualTo(50.0125));
        Assert.That(first.GetProperty("valueUnit").GetString(), Is.EqualTo("Hz"));
        var back = ResultsJsonWriter.FromJson(json);
        Assert.That(back.Points, Is.EqualTo(run.Points));
    }

    [Test]
    public void A_file_without_the_later_point_keys_still_reads()
    {
        // The first bench.results/1 writers had no repeats/standardDeviationPercent/coverageFactor/budget keys.
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed());
        var old = System.Text.RegularExpressions.Regex.Replace(json,
            @",\s*""(repeats|standardDeviationPercent|coverageFactor|budget|test|errorUnit|referenceValue|meterValue|valueUnit)"": [^,\n]*", "");
        Assert.That(old, Does.Not.Contain("repeats"));
        var back = ResultsJsonWriter.FromJson(old);
        Assert.That(back.Points[0].Repeats, Is.EqualTo(1));
        Assert.That(back.Points[0].Budget, Is.Null);
        Assert.That(back.Points[0].Test, Is.EqualTo("accuracy"));
        Assert.That(back.Points[0].ErrorUnit, Is.EqualTo("%"));
    }

    [Test]
    public void A_non_finite_tur_is_written_as_null()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.1, 0.2, Verdict.Pass) with { UncertaintyPercent = 0, Tur = double.PositiveInfinity }]);
        using var doc = JsonDocument.Parse(ResultsJsonWriter.ToJson(run));
        Assert.That(doc.RootElement.GetProperty("points")[0].GetProperty("tur").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
