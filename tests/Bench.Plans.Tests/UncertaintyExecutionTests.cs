using Bench.Core.Results;
using Bench.Plans.Execution;
using Bench.Plans.Loading;
using Bench.Plans.Model;

namespace Bench.Plans.Tests;

/// <summary>Budgets and guarded decision rules as the executor applies them (ILAC-G8 zones, decision-rules.md §1).</summary>
public class UncertaintyExecutionTests
{
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");

    // Reference ±0.05 % (rectangular) and calibration U = 0.02 % (k = 2): u_c = √((0.05/√3)² + 0.01²) = 0.03055 %,
    // U = 0.0611 % (k = 2; the Type A spread of an ideal fake meter is 0). Limit at In, PF 1: 0.2 % → zones at
    // 0.1389, 0.2, 0.2611 %.
    private static readonly BenchUncertaintyFigures Figures = new()
    {
        ReferenceAccuracyUnityPercent = 0.05,
        ReferenceAccuracyReducedPfPercent = 0.1,
        ReferenceCalibrationPercent = 0.02,
    };

    [TestCase(0.10, "non-binary", Verdict.Pass)]
    [TestCase(0.17, "non-binary", Verdict.ConditionalPass)]
    [TestCase(0.23, "non-binary", Verdict.ConditionalFail)]
    [TestCase(0.30, "non-binary", Verdict.Fail)]
    [TestCase(0.17, "guarded", Verdict.Fail)]
    [TestCase(0.12, "guarded", Verdict.Pass)]
    [TestCase(0.17, "simple", Verdict.Pass)]
    [TestCase(0.21, "simple", Verdict.Fail)]
    public async Task Verdict_follows_the_rule_and_the_budget(double meterError, string rule, Verdict expected)
    {
        var result = await RunOnePoint(meterError, rule);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(expected));
            Assert.That(result.Repeats, Is.EqualTo(3));
            Assert.That(result.ErrorPercent, Is.EqualTo(meterError).Within(0.02), "register resolution ≤ 1/10 of the 0.2 % limit");
            Assert.That(result.Budget!.Select(b => b.Name), Has.Some.Contains("Reference standard accuracy"));
            Assert.That(result.Budget!.Select(b => b.Name), Has.Some.Contains("Repeatability"));
        });
    }

    [Test]
    public async Task Expanded_uncertainty_and_tur_come_from_the_budget()
    {
        var result = await RunOnePoint(0.0, "simple");
        var resolution = result.Budget!.Single(b => b.Name.Contains("resolution", StringComparison.Ordinal)).StandardUncertaintyPercent;
        var typeA = result.Budget!.Single(b => b.Type == "A").StandardUncertaintyPercent;
        var expected = 2 * Math.Sqrt(Math.Pow(0.05 / Math.Sqrt(3), 2) + Math.Pow(0.01, 2) + (resolution * resolution) + (typeA * typeA));
        Assert.Multiple(() =>
        {
            Assert.That(result.UncertaintyPercent, Is.EqualTo(expected).Within(1e-9));
            Assert.That(result.Tur, Is.EqualTo(0.2 / expected).Within(1e-9));
            Assert.That(result.CoverageFactor, Is.EqualTo(2));
        });
    }

    private static async Task<PointResult> RunOnePoint(double meterError, string rule)
    {
        var dir = Directory.CreateTempSubdirectory("bench-u-").FullName;
        try
        {
            var path = Path.Combine(dir, "plan.yaml");
            await File.WriteAllTextAsync(path, $"name: u\nstandard: IEC 62053-22\nclass: 0.2S\ndecision-rule: {rule}\nrepeats: 3\npoints:\n  - {{ id: In, current: In, pf: \"1\" }}\n");
            var plan = PlanLoader.Load(path);
            var bench = new FakeBench { MeterErrorPercent = meterError };
            var executor = new PlanExecutor(new BenchConnections(bench, bench, bench, bench), Figures);
            var outcome = await executor.RunAsync(plan, PointResolver.Resolve(plan, Pm8000), null, null, null, CancellationToken.None);
            return outcome.Points.Single();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
