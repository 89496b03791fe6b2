using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Plans.Journal;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Uncertainty;

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

    private async Task<PointResult> MeasureAsync(TestPlan plan, ResolvedPoint point, DecisionRule rule, CancellationToken ct)
    {
        await _bench.Source.ApplyAsync(point.Setpoint, ct);
        await _bench.Clock.WaitAsync(plan.Settle, ct);

        var reactive = plan.Quantity == "reactive-energy";
        if (reactive && point.Plan.Angle.Kind == Core.Quantities.LoadKind.Capacitive)
        {
            // Capacitive reactive energy lands in the "received" (quadrant IV) register, which the snapshot does not carry yet.
            return Incomplete(plan, point, rule, "capacitive reactive-energy points need the meter's reactive-received register, which Bench does not read yet");
        }

        var present = await _bench.Reference.MeasureAsync(ct);
        var power = reactive ? present.TotalReactivePowerVar : present.TotalActivePowerW;
        if (!(power > 0))
        {
            return Incomplete(plan, point, rule, $"the reference standard measures no {(reactive ? "reactive" : "active")} power ({power:0.###} {(reactive ? "var" : "W")}) at this point");
        }

        var errors = new List<double>(plan.Repeats);
        double referenceWh = 0, meterWh = 0, durationS = 0, resolutionWh = 0;
        for (var repeat = 0; repeat < plan.Repeats; repeat++)
        {
            // Symmetric gate: meter, reference start ... reference stop, meter; the read latencies cancel out.
            var before = await _bench.Meter.ReadSnapshotAsync(ct);
            var gate = GateLength(plan, point, before, power);
            await _bench.Reference.StartEnergyAsync(ct);
            await _bench.Clock.WaitAsync(gate, ct);
            var reference = await _bench.Reference.StopEnergyAsync(ct);
            var after = await _bench.Meter.ReadSnapshotAsync(ct);

            var referenceEnergy = reactive ? reference.ReactiveEnergyVarh : reference.ActiveEnergyWh;
            var (start, end) = reactive
                ? (before.ReactiveEnergyDeliveredVarh, after.ReactiveEnergyDeliveredVarh)
                : (before.ActiveEnergyDeliveredWh, after.ActiveEnergyDeliveredWh);
            if (start is null || end is null)
            {
                return Incomplete(plan, point, rule, "the meter's profile maps no reactive-energy register");
            }

            var registered = end.Value - start.Value;
            if (!(referenceEnergy > 0))
            {
                return Incomplete(plan, point, rule, $"the reference standard integrated no energy ({referenceEnergy:0.###})");
            }

            if (registered < 0)
            {
                return Incomplete(plan, point, rule, $"the meter's energy register went backwards ({start:0.###} → {end:0.###}): rollover or reset");
            }

            errors.Add((registered - referenceEnergy) / referenceEnergy * 100);
            referenceWh += referenceEnergy;
            meterWh += registered;
            durationS = reference.DurationS;
            resolutionWh = Math.Max(before.EnergyResolutionWh, after.EnergyResolutionWh);
        }

        // The point's error is that of the summed energies (= the mean error weighted by energy).
        var error = (meterWh - referenceWh) / referenceWh * 100;
        var budget = EnergyErrorBudget.Build(new EnergyErrorBudgetInputs
        {
            ReferenceSpecificationPercent = Math.Abs(point.Plan.Angle.CosPhi - 1) < 1e-9 ? _figures.ReferenceAccuracyUnityPercent : _figures.ReferenceAccuracyReducedPfPercent,
            ReferenceSpecificationCoverageFactor = _figures.ReferenceAccuracyCoverageFactor,
            ReferenceCalibrationPercent = _figures.ReferenceCalibrationPercent,
            SourceStabilityPercent = _figures.SourceStabilityPercent,
            MeterResolutionWh = resolutionWh,
            MeterEnergyWh = meterWh / plan.Repeats,
            RepeatedErrorsPercent = errors,
        });
        var expanded = budget.Components.Count == 0 ? (double?)null : budget.ExpandedPercent;
        var verdict = DecisionRules.Decide(rule, error, point.Limit.LimitPercent, expanded);
        _log.LogInformation("point {Id}: Eref {Ref:0.###} Wh, Emeter {Meter:0.###} Wh, error {Error:0.####} %, U {U:0.####} %, {Verdict}", point.Plan.Id, referenceWh, meterWh, error, expanded, verdict);
        return new PointResult(point.Plan.Id, plan.Quantity, point.Description, referenceWh, meterWh, error, point.Limit.LimitPercent, verdict)
        {
            LimitSource = point.Limit.Source,
            DecisionRule = DecisionRules.Describe(rule),
            DurationS = durationS,
            Repeats = plan.Repeats,
            StandardDeviationPercent = errors.Count >= 2 ? StandardDeviation(errors) : null,
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(point.Limit.LimitPercent),
            Budget = budget.Components.Select(c => new UncertaintyContribution(c.Name, c.Type, c.Distribution.ToString().ToLowerInvariant(), c.StatedPercent, c.StandardUncertaintyPercent)).ToList(),
        };
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>Long enough that the meter's register step is at most the plan's fraction of the limit (energy-accuracy.md §10).</summary>
    private static TimeSpan GateLength(TestPlan plan, ResolvedPoint point, MeterSnapshot snapshot, double powerW)
    {
        var resolutionWh = Math.Max(snapshot.EnergyResolutionWh, 0);
        var neededWh = resolutionWh / (plan.ResolutionFractionOfLimit * point.Limit.LimitPercent / 100);
        var seconds = neededWh / powerW * 3600;
        var gate = TimeSpan.FromSeconds(Math.Ceiling(seconds));
        return gate < plan.MinimumGate ? plan.MinimumGate : gate > plan.MaximumGate ? plan.MaximumGate : gate;
    }

    private string? CalibrationProblem()
    {
        var today = DateOnly.FromDateTime(_bench.Clock.Now.UtcDateTime);
        var reference = _bench.Reference.Identity;
        return reference.CalibrationDue is { } due && due < today
            ? $"the reference standard's calibration expired on {due:yyyy-MM-dd} (certificate {reference.CalibrationCertificate})"
            : null;
    }

    private static PointResult Incomplete(TestPlan plan, ResolvedPoint point, DecisionRule rule, string reason) =>
        new(point.Plan.Id, plan.Quantity, point.Description, null, null, null, point.Limit.LimitPercent, Verdict.Incomplete)
        {
            Reason = reason,
            LimitSource = point.Limit.Source,
            DecisionRule = DecisionRules.Describe(rule),
        };

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
