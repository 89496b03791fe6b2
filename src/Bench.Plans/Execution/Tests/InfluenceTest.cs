using System.Globalization;

using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Variation of error under an influence quantity: the error at reference conditions, then under the influence, and
/// their difference against the allowed variation. The reference standard's own systematic error cancels in the
/// difference (decision-rules.md §4), so the budget holds what does not: resolution and repeatability of both runs.
/// </summary>
public sealed class InfluenceTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var comparison = new EnergyComparison(context.Bench);
        var (baseline, problem) = await comparison.MeasureAsync(plan, point.ReferenceConditions!, point.LimitPercent, false, point.Ratings, cancellationToken);
        if (baseline is null)
        {
            return context.Incomplete(plan, point, "at reference conditions: " + problem);
        }

        var (influenced, influencedProblem) = await comparison.MeasureAsync(plan, point.Setpoint, point.LimitPercent, false, point.Ratings, cancellationToken);
        if (influenced is null)
        {
            return context.Incomplete(plan, point, "under the influence: " + influencedProblem);
        }

        var components = new List<UncertaintyComponent>();
        foreach (var (gates, name) in new[] { (baseline, "reference conditions"), (influenced, "influenced") })
        {
            if (gates.ResolutionWh > 0)
            {
                components.Add(UncertaintyComponent.Rectangular($"Meter register resolution, {name} (±1 step)", 100 * gates.ResolutionWh * gates.ErrorsPercent.Count / gates.MeterEnergy));
            }

            if (gates.ErrorsPercent.Count >= 2)
            {
                components.Add(UncertaintyComponent.Repeatability($"Repeatability, {name} (Type A)", gates.ErrorsPercent));
            }
        }

        var variation = influenced.ErrorPercent - baseline.ErrorPercent;
        var result = AccuracyTest.Decide(context, plan, point, influenced, variation, new UncertaintyBudget(components));
        return result with
        {
            Reason = string.Create(CultureInfo.InvariantCulture, $"variation of error: {influenced.ErrorPercent:+0.0000;-0.0000;0.0000} % under the influence − {baseline.ErrorPercent:+0.0000;-0.0000;0.0000} % at reference conditions"),
        };
    }
}
