using Bench.Core.Results;
using Bench.Plans.Execution;
using Bench.Plans.Journal;
using Bench.Plans.Loading;
using Bench.Plans.Model;

namespace Bench.Plans.Tests;

public class PlanExecutorTests
{
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bench-exec-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    [Test]
    public async Task Ideal_meter_passes_every_point_and_the_source_ends_off()
    {
        var bench = new FakeBench();
        var outcome = await Run(bench);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Points.Select(p => p.Verdict), Has.All.EqualTo(Verdict.Pass));
            // Register resolution 1 Wh, fraction 0.1 of the limit: the quantisation error stays below 0.1 × limit.
            Assert.That(outcome.Points.Select(p => Math.Abs(p.ErrorPercent!.Value) / p.LimitPercent), Has.All.LessThanOrEqualTo(0.1));
            Assert.That(bench.OutputOn, Is.False);
            Assert.That(bench.OutputOffCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Meter_error_of_045_percent_fails_the_tight_points_only()
    {
        var bench = new FakeBench { MeterErrorPercent = 0.45 };
        var outcome = await Run(bench);

        // IEC 62053-22 0.2S: limits 0.2/0.3/0.4 % fail at +0.45 %, the 0.5 % rows (PF 0.5 L/0.8 C below 0.1 In) pass.
        foreach (var p in outcome.Points)
        {
            var expected = p.LimitPercent >= 0.5 ? Verdict.Pass : Verdict.Fail;
            Assert.That(p.Verdict, Is.EqualTo(expected), p.Id);
            Assert.That(p.ErrorPercent, Is.EqualTo(0.45).Within(0.045), p.Id);
        }
    }

    [Test]
    public async Task A_fault_makes_its_point_incomplete_and_the_run_goes_on()
    {
        var bench = new FakeBench();
        bench.FaultOnApply.Add(2);
        var outcome = await Run(bench);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Points[1].Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(outcome.Points[1].Reason, Does.Contain("*OPC?"));
            Assert.That(outcome.Points[1].ErrorPercent, Is.Null);
            Assert.That(outcome.Points.Where((_, i) => i != 1).Select(p => p.Verdict), Has.All.EqualTo(Verdict.Pass));
            Assert.That(VerdictExtensions.Combine(outcome.Points.Select(p => p.Verdict)), Is.EqualTo(Verdict.Incomplete));
            Assert.That(bench.OutputOn, Is.False);
        });
    }

    [Test]
    public async Task Repeated_faults_stop_the_run_with_the_rest_incomplete()
    {
        var bench = new FakeBench();
        bench.FaultOnApply.UnionWith([1, 2, 3]);
        var outcome = await Run(bench);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.AbortReason, Does.Contain("3 faulted points in a row"));
            Assert.That(bench.ApplyCount, Is.EqualTo(3));
            Assert.That(outcome.Points.Select(p => p.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(bench.OutputOffCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Cancellation_aborts_keeps_what_was_measured_and_switches_off()
    {
        var bench = new FakeBench();
        using var cts = new CancellationTokenSource();
        bench.OnApply = () =>
        {
            if (bench.ApplyCount == 4)
            {
                cts.Cancel();
            }
        };
        var journalDir = Path.Combine(_dir, "run");
        var outcome = await Run(bench, journalDir, cancellationToken: cts.Token);
        var journal = RunJournal.Read(journalDir);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Points.Take(3).Select(p => p.Verdict), Has.All.EqualTo(Verdict.Pass));
            Assert.That(outcome.Points.Skip(3).Select(p => p.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(outcome.AbortReason, Does.Contain("aborted"));
            Assert.That(bench.OutputOn, Is.False);
            Assert.That(journal.Values.Count(p => p.Verdict == Verdict.Pass), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Resume_measures_only_what_the_journal_lacks()
    {
        var journalDir = Path.Combine(_dir, "run");
        using (var cts = new CancellationTokenSource())
        {
            var first = new FakeBench();
            first.OnApply = () =>
            {
                if (first.ApplyCount == 5)
                {
                    cts.Cancel();
                }
            };
            await Run(first, journalDir, cancellationToken: cts.Token);
        }

        var second = new FakeBench();
        var outcome = await Run(second, journalDir, resume: true);
        var plan = PlanLoader.Load(Repository.File("testplans", "iec62053-22-cl02S-selftest.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(second.ApplyCount, Is.EqualTo(plan.Points.Count - 4));
            Assert.That(outcome.Points.Select(p => p.Verdict), Has.All.EqualTo(Verdict.Pass));
            Assert.That(RunJournal.Read(journalDir), Has.Count.EqualTo(plan.Points.Count));
        });
    }

    [Test]
    public async Task Expired_reference_calibration_makes_every_point_incomplete()
    {
        var bench = new FakeBench { CalibrationDue = new DateOnly(2026, 11, 1) };
        var outcome = await Run(bench);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Points.Select(p => p.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(outcome.Points[0].Reason, Does.Contain("calibration expired on 2026-11-01"));
            Assert.That(bench.ApplyCount, Is.Zero);
        });
    }

    private static async Task<ExecutionOutcome> Run(FakeBench bench, string? journalDir = null, bool resume = false, CancellationToken cancellationToken = default)
    {
        var plan = PlanLoader.Load(Repository.File("testplans", "iec62053-22-cl02S-selftest.yaml"));
        var points = PointResolver.Resolve(plan, Pm8000);
        var previous = resume && journalDir is not null ? RunJournal.Read(journalDir) : null;
        await using var journal = journalDir is null ? null : RunJournal.OpenForAppend(journalDir);
        var executor = new PlanExecutor(new BenchConnections(bench, bench, bench, bench));
        return await executor.RunAsync(plan, points, journal, previous, null, cancellationToken);
    }
}
