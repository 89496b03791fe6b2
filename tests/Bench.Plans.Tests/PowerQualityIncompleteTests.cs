using Bench.Core.Results;
using Bench.Plans.Execution;
using Bench.Plans.Loading;
using Bench.Plans.Model;

namespace Bench.Plans.Tests;

/// <summary>Points a bench cannot compare end INCOMPLETE with the reason, never PASS, and energize nothing.</summary>
public class PowerQualityIncompleteTests
{
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");

    [Test]
    public async Task Without_a_modbus_event_log_or_registers_nothing_is_compared()
    {
        var bench = new FakeBench();
        var results = await Run(bench, """
            name: pq
            standard: IEC 61000-4-30
            class: A
            points:
              - { id: E, parameter: events, events: [ { residual: 70, duration-ms: 100 } ] }
              - { id: T, parameter: thd, harmonics: { h5: 6 } }
              - { id: U2, parameter: unbalance, unbalance: 2 }
              - { id: P, parameter: flicker, flicker: { changes-per-minute: 1620, delta-u: 0.407 } }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(results[0].Reason, Does.Contain("maps no event log"));
            Assert.That(results[1].Reason, Does.Contain("not read through a Modbus register map"));
            Assert.That(results[2].Reason, Does.Contain("not read through a Modbus register map: u2 cannot be read"));
            Assert.That(results[3].Reason, Does.Contain("not read through a Modbus register map: Pst cannot be read"));
            Assert.That(results.Select(r => r.ErrorPercent), Has.All.Null);
            Assert.That(bench.ApplyCount, Is.Zero, "no point energized the source");
        });
    }

    private static async Task<IReadOnlyList<PointResult>> Run(FakeBench bench, string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("bench-pqi-").FullName;
        try
        {
            var path = Path.Combine(dir, "plan.yaml");
            await File.WriteAllTextAsync(path, yaml);
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
