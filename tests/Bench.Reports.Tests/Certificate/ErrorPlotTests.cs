using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Certificate;

public sealed class ErrorPlotTests
{
    [Test]
    public void The_curve_keeps_the_main_load_configuration_only()
    {
        var balanced = Enumerable.Range(0, 5).Select(i => SampleRuns.Point($"B{i}", 1 + (i * 20), "1", 0.01, 0.2, Verdict.Pass)).ToList();
        var single = SampleRuns.Point("S1", 100, "1", 0.05, 0.3, Verdict.Pass) with { Setpoint = balanced[0].Setpoint with { Phases = "L1 only" } };
        var influence = SampleRuns.Point("INF", 100, "1", 0.002, 0.1, Verdict.Pass) with { Setpoint = balanced[0].Setpoint with { Phases = "influence: voltage" } };
        var noLoad = SampleRuns.Point("NL", 0, "1", 0, 0, Verdict.Pass);
        var start = SampleRuns.Point("ST", 0.1, "1", null, 0, Verdict.Pass);
        var taggedInfluence = balanced[1] with { Id = "INF2", Test = "influence" }; // same setup, but a variation of error
        var pq = balanced[2] with { Id = "PQ", Test = "power-quality", ErrorUnit = "mHz" };
        var plotted = ErrorPlot.Plottable([.. balanced, single, influence, noLoad, start, taggedInfluence, pq]);
        Assert.That(plotted.Select(p => p.Id), Is.EqualTo(balanced.Select(p => p.Id)));
    }
}
