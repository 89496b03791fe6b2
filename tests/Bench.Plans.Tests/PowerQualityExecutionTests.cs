using Bench.Core.Results;
using Bench.Plans.Execution;
using Bench.Plans.Loading;
using Bench.Plans.Model;

namespace Bench.Plans.Tests;

/// <summary>IEC 61000-4-30 Class A comparisons (power-quality.md §3: ±10 mHz, ±0.1 % Udin) as the executor makes them.</summary>
public class PowerQualityExecutionTests
{
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");

    [TestCase(0.0, 0.005, Verdict.Pass, Verdict.Pass)]
    [TestCase(0.2, 0.015, Verdict.Pass, Verdict.Fail)]   // 0.2 V = 0.087 % Udin; 15 mHz
    [TestCase(0.3, 0.0, Verdict.Fail, Verdict.Pass)]     // 0.3 V = 0.130 % Udin
    public async Task Meter_readings_are_judged_against_class_A(double voltageBias, double frequencyBias, Verdict voltage, Verdict frequency)
    {
        var results = await Run(new FakeBench { InstantaneousBias = (voltageBias, frequencyBias) });
        Assert.Multiple(() =>
        {
            Assert.That(results[0].Verdict, Is.EqualTo(voltage));
            Assert.That(results[0].ErrorPercent, Is.EqualTo(voltageBias / 230 * 100).Within(1e-9));
            Assert.That(results[0].ErrorUnit, Is.EqualTo("% of Udin"));
            Assert.That(results[1].Verdict, Is.EqualTo(frequency));
            Assert.That(results[1].ErrorPercent, Is.EqualTo(frequencyBias * 1000).Within(1e-6));
            Assert.That(results[1].ErrorUnit, Is.EqualTo("mHz"));
            Assert.That(results[1].MeterValue, Is.EqualTo(42.5 + frequencyBias).Within(1e-9));
            Assert.That(results[1].LimitSource!.Unconfirmed, Is.False, "±10 mHz is [C] in power-quality.md");
        });
    }

    [Test]
    public async Task A_meter_without_instantaneous_registers_leaves_the_point_incomplete()
    {
        var results = await Run(new FakeBench());
        Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Incomplete));
        Assert.That(results[0].Reason, Does.Contain("no instantaneous values"));
    }

    private static async Task<IReadOnlyList<PointResult>> Run(FakeBench bench)
    {
        var dir = Directory.CreateTempSubdirectory("bench-pq-").FullName;
        try
        {
            var path = Path.Combine(dir, "plan.yaml");
            await File.WriteAllTextAsync(path, """
                name: pq
                standard: IEC 61000-4-30
                class: A
                repeats: 2
                points:
                  - { id: U, parameter: voltage, voltage: Un }
                  - { id: F, parameter: frequency, frequency: 42.5 Hz }
                """);
            var plan = PlanLoader.Load(path);
            var executor = new PlanExecutor(new BenchConnections(bench, bench, bench, bench));
            return (await executor.RunAsync(plan, PointResolver.Resolve(plan, Pm8000), null, null, null, CancellationToken.None)).Points;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public async Task Pmd_functions_are_judged_in_percent_of_reading_at_their_declared_class()
    {
        // 0.3 V at 230 V is 0.130 % of reading: above class 0.1 for U, within class 0.2.
        var strict = await RunPmd(new FakeBench { InstantaneousBias = (0.3, 0) }, "voltage: 0.1");
        var loose = await RunPmd(new FakeBench { InstantaneousBias = (0.3, 0) }, "voltage: 0.2");
        Assert.Multiple(() =>
        {
            Assert.That(strict.ErrorPercent, Is.EqualTo(0.3 / 230 * 100).Within(1e-9));
            Assert.That(strict.ErrorUnit, Is.EqualTo("% of reading"));
            Assert.That(strict.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(loose.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(loose.LimitSource!.Unconfirmed, Is.True);
        });
    }

    [Test]
    public void A_function_class_the_standard_does_not_allow_is_bad_input()
    {
        // pmd-61557-12.md §3: U may claim 0.1 … 2, not 0.3.
        Assert.That(async () => await RunPmd(new FakeBench(), "voltage: 0.3"), Throws.TypeOf<Core.Errors.BenchInputException>().With.Message.Contains("may only claim"));
    }

    private static async Task<PointResult> RunPmd(FakeBench bench, string functions)
    {
        var dir = Directory.CreateTempSubdirectory("bench-pmd-").FullName;
        try
        {
            var path = Path.Combine(dir, "plan.yaml");
            await File.WriteAllTextAsync(path, $"name: pmd\nstandard: IEC 61557-12\nclass: \"0.2\"\nquantity: pmd-functions\nfunctions: {{ {functions} }}\npoints:\n  - {{ id: U, parameter: voltage }}\n");
            var plan = PlanLoader.Load(path);
            var executor = new PlanExecutor(new BenchConnections(bench, bench, bench, bench));
            return (await executor.RunAsync(plan, PointResolver.Resolve(plan, Pm8000), null, null, null, CancellationToken.None)).Points.Single();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
