using System.Globalization;

using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// No-load (creep): voltage on (115 % Un by default), no current, for Δt = X·10⁶/(k·m·Un·Imax) minutes; the meter
/// may register at most one step of its energy register (one "pulse", energy-accuracy.md §8).
/// </summary>
public sealed class NoLoadTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        await bench.Source.ApplyAsync(point.Setpoint, cancellationToken);
        await bench.Clock.WaitAsync(plan.Settle, cancellationToken);
        var before = await bench.Meter.ReadSnapshotAsync(cancellationToken);
        if (!(before.EnergyResolutionWh > 0))
        {
            return context.Incomplete(plan, point, "the meter's energy register resolution is unknown");
        }

        var ratings = point.Ratings;
        var duration = CreepAndStarting.NoLoadDuration(plan.AccuracyClass, 1000 / before.EnergyResolutionWh, point.Setpoint.Phases.Count, ratings.NominalVoltageV, ratings.MaximumCurrentA);
        await bench.Clock.WaitAsync(duration, cancellationToken);
        var after = await bench.Meter.ReadSnapshotAsync(cancellationToken);
        var registered = after.ActiveEnergyDeliveredWh - before.ActiveEnergyDeliveredWh;
        var steps = registered / before.EnergyResolutionWh;
        return context.Result(plan, point, null, registered, null, steps <= 1 ? Verdict.Pass : Verdict.Fail) with
        {
            DurationS = duration.TotalSeconds,
            Reason = string.Create(CultureInfo.InvariantCulture, $"{steps:0.##} register steps in {duration.TotalMinutes:0.#} min with no current (at most 1 allowed)"),
        };
    }
}
