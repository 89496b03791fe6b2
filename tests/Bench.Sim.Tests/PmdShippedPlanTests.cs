using Bench.Core.Results;
using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// The shipped IEC 61557-12 functions plan on the virtual bench with the shipped PM8000 profile, whose simulated
/// readings err by a tenth or less of each limit: every point passes, and each result says what it compared.
/// </summary>
[NonParallelizable]
public class PmdShippedPlanTests
{
    [Test]
    public async Task The_shipped_plan_passes_on_a_healthy_simulated_pm8000()
    {
        var yaml = await File.ReadAllTextAsync(ShippedFiles.Find("testplans", "iec61557-12-pmd-functions.yaml"));
        var results = await VirtualBenchRun.RunAsync(yaml, new SimulatedMeterOptions());
        foreach (var r in results)
        {
            TestContext.Out.WriteLine($"{r.Id,-12} {r.Verdict,-10} e = {r.ErrorPercent,12:0.000000} {r.ErrorUnit,-18} limit {r.LimitPercent} U = {r.UncertaintyPercent} | {r.Reason}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(44));
            Assert.That(results.Where(r => r.Verdict != Verdict.Pass).Select(r => $"{r.Id}: {r.Verdict} {r.Reason}"), Is.Empty);
            Assert.That(results.Select(r => r.Test), Has.All.EqualTo("pmd-function"));
            Assert.That(results.Select(r => r.LimitSource!.Unconfirmed), Has.All.True, "pmd-61557-12.md marks every function figure (unconfirmed)");
            // The fixture's errors (instantaneous plus the energy curve on P, Q, S) stay within a fifth of each limit;
            // a quarter leaves room for the simulator's own measurement noise.
            Assert.That(results.Where(r => Math.Abs(r.ErrorPercent!.Value) > r.LimitPercent / 4).Select(r => $"{r.Id}: {r.ErrorPercent} of {r.LimitPercent}"), Is.Empty);
        });
    }
}
