using System.Globalization;

using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Repeatability: the point's readings (its own `repeats:`, default 10) are taken at one setting, each gate long enough
/// for the register to resolve a tenth of the limit, and their experimental standard deviation s is the result. s is
/// judged against the limit by simple acceptance: a spread has no budget of its own here (its relative uncertainty is
/// about 1/√(2(n−1)), stated on the result), so a guarded rule cannot be applied to it.
/// </summary>
public sealed class RepeatabilityTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var readings = point.Plan.Readings ?? Standards.Limits.Repeatability.DefaultReadings;
        var reactive = plan.Quantity == "reactive-energy";
        var (gates, problem) = await new EnergyComparison(context.Bench).MeasureAsync(plan with { Repeats = readings }, point.Setpoint, point.LimitPercent, reactive, point.Ratings, cancellationToken);
        if (gates is null)
        {
            return context.Incomplete(plan, point, problem!);
        }

        var s = UncertaintyComponent.ExperimentalStandardDeviation(gates.ErrorsPercent);
        var verdict = s <= point.LimitPercent ? Verdict.Pass : Verdict.Fail;
        var spreadOfS = 1 / Math.Sqrt(2.0 * (readings - 1));
        var errors = string.Join(", ", gates.ErrorsPercent.Select(e => e.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture)));
        return context.Result(plan, point, gates.ReferenceEnergy, gates.MeterEnergy, s, verdict) with
        {
            ErrorUnit = point.LimitUnit,
            DurationS = gates.DurationS,
            Repeats = readings,
            StandardDeviationPercent = s,
            Reason = string.Create(CultureInfo.InvariantCulture, $"s = {s:0.0000} % of reading over {readings} readings (mean error {gates.ErrorPercent:+0.0000;-0.0000;0.0000} %): {errors}; s itself is uncertain by about ±{spreadOfS * 100:0} % of its value (1/√(2(n−1))); judged by simple acceptance"),
        };
    }
}
