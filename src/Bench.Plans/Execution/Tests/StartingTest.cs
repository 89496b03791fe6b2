using System.Globalization;

using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Starting current: at Ist the meter must register within 1.5× the theoretical time of one step (energy-accuracy.md §8),
/// with one step of its energy register in the part of one test-output pulse.
/// </summary>
public sealed class StartingTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var bench = context.Bench;
        await bench.Source.ApplyAsync(point.Setpoint, cancellationToken);
        await bench.Clock.WaitAsync(plan.Settle, cancellationToken);
        var power = (await bench.Reference.MeasureAsync(cancellationToken)).TotalActivePowerW;
        if (!(power > 0))
        {
            return context.Incomplete(plan, point, $"the reference standard measures no active power ({power:0.###} W) at the starting current");
        }

        var before = await bench.Meter.ReadSnapshotAsync(cancellationToken);
        if (!(before.EnergyResolutionWh > 0))
        {
            return context.Incomplete(plan, point, "the meter's energy register resolution is unknown");
        }

        var window = CreepAndStarting.StartingWindow(1000 / before.EnergyResolutionWh, power);
        await bench.Clock.WaitAsync(window, cancellationToken);
        var after = await bench.Meter.ReadSnapshotAsync(cancellationToken);
        var registered = after.ActiveEnergyDeliveredWh - before.ActiveEnergyDeliveredWh;
        var started = registered >= before.EnergyResolutionWh;
        return context.Result(plan, point, power * window.TotalHours, registered, null, started ? Verdict.Pass : Verdict.Fail) with
        {
            DurationS = window.TotalSeconds,
            Reason = string.Create(CultureInfo.InvariantCulture, $"registered {registered:0.###} Wh in {window.TotalSeconds:0} s at {power:0.###} W (needs at least one {before.EnergyResolutionWh:0.###} Wh step)"),
        };
    }
}
