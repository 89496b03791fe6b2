using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Plans.Execution.Tests;
using Bench.Plans.Journal;
using Bench.Plans.Model;
using Bench.Standards.Decisions;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Plans.Execution;

/// <summary>
/// Runs the points of a plan on a bench: set the source, settle, gate the energy on the reference and the meter,
/// compute the error, decide, journal. Whatever happens, the source ends in its safe state (outputs off).
/// A fault never becomes a PASS: it makes its point INCOMPLETE with the reason.
/// </summary>
public sealed class PlanExecutor
{
    /// <summary>After this many faulted points in a row the run stops: the bench itself is probably broken.</summary>
    public const int MaxConsecutiveFaults = 3;

    private readonly BenchConnections _bench;
    private readonly BenchUncertaintyFigures _figures;
    private readonly ILogger _log;

    public PlanExecutor(BenchConnections bench, BenchUncertaintyFigures? figures = null, ILogger<PlanExecutor>? log = null)
    {
        _bench = bench;
        _figures = figures ?? BenchUncertaintyFigures.Unknown;
        _log = log ?? NullLogger<PlanExecutor>.Instance;
    }

    public async Task<ExecutionOutcome> RunAsync(
        TestPlan plan,
        IReadOnlyList<ResolvedPoint> points,
        RunJournal? journal,
        IReadOnlyDictionary<string, PointResult>? alreadyMeasured,
        IProgress<PointProgress>? progress,
        CancellationToken cancellationToken)
    {
        var rule = DecisionRules.Parse(plan.DecisionRule, plan.File);
        var results = new List<PointResult>(points.Count);
        string? abortReason = null;
        var consecutiveFaults = 0;
        try
        {
            var calibrationProblem = CalibrationProblem();
            for (var index = 0; index < points.Count; index++)
            {
                var point = points[index];
                PointResult result;
                if (alreadyMeasured is not null && alreadyMeasured.TryGetValue(point.Plan.Id, out var previous) && previous.Verdict != Verdict.Incomplete)
                {
                    result = previous;
                }
                else if (abortReason is not null)
                {
                    result = Incomplete(plan, point, rule, $"not measured: {abortReason}");
                }
                else if (calibrationProblem is not null)
                {
                    result = Incomplete(plan, point, rule, calibrationProblem);
                }
                else
                {
                    try
                    {
                        result = await MeasureAsync(plan, point, rule, cancellationToken);
                        consecutiveFaults = 0;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        abortReason = "run aborted by the operator";
                        result = Incomplete(plan, point, rule, $"not measured: {abortReason}");
                    }
                    catch (Exception e) when (e is InstrumentFaultException or TimeoutException or IOException)
                    {
                        _log.LogWarning("point {Id}: {Fault}", point.Plan.Id, e.Message);
                        result = Incomplete(plan, point, rule, e.Message);
                        if (++consecutiveFaults >= MaxConsecutiveFaults)
                        {
                            abortReason = $"run stopped after {consecutiveFaults} faulted points in a row (last: {e.Message})";
                        }
                    }

                    if (journal is not null)
                    {
                        await journal.AppendAsync(result, CancellationToken.None);
                    }
                }

                results.Add(result);
                progress?.Report(new PointProgress(index + 1, points.Count, result));
            }
        }
        finally
        {
            await SafeStateAsync();
        }

        return new ExecutionOutcome(results, abortReason);
    }

    private Task<PointResult> MeasureAsync(TestPlan plan, ResolvedPoint point, DecisionRule rule, CancellationToken ct)
    {
        var context = new PointRunContext(_bench, _figures, rule);
        IPointTestRunner runner = point.Plan.Test switch
        {
            PointTest.Influence => new InfluenceTest(context),
            PointTest.Starting => new StartingTest(context),
            PointTest.NoLoad => new NoLoadTest(context),
            PointTest.Repeatability => new RepeatabilityTest(context),
            PointTest.PowerQuality => new PowerQualityTest(context),
            PointTest.PmdFunction => new PmdFunctionTest(context),
            _ => new AccuracyTest(context),
        };
        return runner.RunAsync(plan, point, ct);
    }

    private string? CalibrationProblem()
    {
        var today = DateOnly.FromDateTime(_bench.Clock.Now.UtcDateTime);
        var reference = _bench.Reference.Identity;
        return reference.CalibrationDue is { } due && due < today
            ? $"the reference standard's calibration expired on {due:yyyy-MM-dd} (certificate {reference.CalibrationCertificate})"
            : null;
    }

    private PointResult Incomplete(TestPlan plan, ResolvedPoint point, DecisionRule rule, string reason) =>
        new PointRunContext(_bench, _figures, rule).Incomplete(plan, point, reason);

    private async Task SafeStateAsync()
    {
        // A fresh token: the run's own token may be the reason we are here.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _bench.Source.OutputOffAsync(timeout.Token);
        }
        catch (Exception e) when (e is InstrumentFaultException or TimeoutException or IOException or OperationCanceledException)
        {
            _log.LogError("could not switch the source to its safe state: {Fault}", e.Message);
            throw new InstrumentFaultException(_bench.Source.Identity.Resource, $"SAFE STATE NOT CONFIRMED: outputs may still be on ({e.Message})", e);
        }
    }
}
