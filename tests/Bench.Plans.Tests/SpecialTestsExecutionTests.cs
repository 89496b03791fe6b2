using Bench.Core.Results;
using Bench.Plans.Execution;
using Bench.Plans.Loading;
using Bench.Plans.Model;

namespace Bench.Plans.Tests;

/// <summary>Starting, no-load and influence points (energy-accuracy.md §8–§9) as the executor runs them.</summary>
public class SpecialTestsExecutionTests
{
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");

    [Test]
    public async Task Healthy_meter_starts_does_not_creep_and_stays_within_influence_limits()
    {
        var results = await Run(new FakeBench());
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Pass), string.Join("\n", results.Select(r => $"{r.Id} {r.Verdict} {r.Reason}")));
            Assert.That(results.Select(r => r.Test), Is.EqualTo(new[] { "starting", "no-load", "influence", "influence", "influence" }));

            // No-load duration, 0.2S: X = 900, k = 1000 imp/kWh (1 Wh steps), m = 3, Un 230 V, Imax 10 A → 130.4 min.
            Assert.That(results[1].DurationS, Is.EqualTo(900e6 / (1000 * 3 * 230 * 10.0) * 60).Within(1));

            // Starting window: 1.5 × 3.6e6 / (k·P), P = 3 × 230 V × 5 mA = 3.45 W → 1565 s.
            Assert.That(results[0].DurationS, Is.EqualTo(1.5 * 3.6e6 / (1000 * 3.45)).Within(1));
        });
    }

    [Test]
    public async Task Creeping_meter_fails_no_load_and_a_dead_one_fails_starting()
    {
        var creeping = await Run(new FakeBench { CreepWhPerHour = 2 });
        var dead = await Run(new FakeBench { DeadBelowA = 0.01 });
        Assert.Multiple(() =>
        {
            Assert.That(creeping[1].Verdict, Is.EqualTo(Verdict.Fail), creeping[1].Reason);
            Assert.That(dead[0].Verdict, Is.EqualTo(Verdict.Fail), dead[0].Reason);
            Assert.That(dead[0].Reason, Does.Contain("registered 0 Wh"));
        });
    }

    [Test]
    public async Task Voltage_sensitive_meter_fails_the_voltage_influence_point_only()
    {
        // 0.15 % more error at 110 % Un: the allowed variation for 0.2S at PF 1 is 0.1 % (energy-accuracy.md §9).
        var bench = new FakeBench { ErrorModel = sp => sp.Phases[0].VoltageV > 240 ? 0.15 : 0 };
        var results = await Run(bench);
        var voltage = results.Single(r => r.Id == "V+10");
        Assert.Multiple(() =>
        {
            Assert.That(voltage.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(voltage.ErrorPercent, Is.EqualTo(0.15).Within(0.02), "variation = e(110 % Un) − e(Un)");
            Assert.That(voltage.LimitPercent, Is.EqualTo(0.1));
            Assert.That(voltage.LimitSource!.Unconfirmed, Is.True);
            Assert.That(results.Where(r => r.Id != "V+10").Select(r => r.Verdict), Has.All.EqualTo(Verdict.Pass));
        });
    }

    private static async Task<IReadOnlyList<PointResult>> Run(FakeBench bench)
    {
        var dir = Directory.CreateTempSubdirectory("bench-special-").FullName;
        try
        {
            var path = Path.Combine(dir, "plan.yaml");
            await File.WriteAllTextAsync(path, """
                name: special
                standard: IEC 62053-22
                class: 0.2S
                points:
                  - { id: ST, test: starting }
                  - { id: NL, test: no-load }
                  - { id: V+10, test: influence, influence: voltage, voltage: 1.1 Un, current: In, pf: "1" }
                  - { id: F-2, test: influence, influence: frequency, frequency: 0.98 fn, current: In, pf: "1" }
                  - { id: SEQ, test: influence, influence: reversed-phase-sequence, current: 0.1 In, pf: "1" }
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
}
