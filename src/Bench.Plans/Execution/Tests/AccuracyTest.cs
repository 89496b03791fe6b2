using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Decisions;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>Error against the accuracy table, with its GUM budget and the plan's decision rule.</summary>
public sealed class AccuracyTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var reactive = plan.Quantity == "reactive-energy";
        var (gates, problem) = await new EnergyComparison(context.Bench).MeasureAsync(plan, point.Setpoint, point.LimitPercent, reactive, point.Ratings, cancellationToken);
        if (gates is null)
        {
            return context.Incomplete(plan, point, problem!);
        }

        var figures = context.Figures;
        var unity = Math.Abs(point.Plan.Angle.CosPhi - 1) < 1e-9;
        var budget = GateBudget(figures, gates, unity ? figures.ReferenceAccuracyUnityPercent : figures.ReferenceAccuracyReducedPfPercent);
        return Decide(context, plan, point, gates, gates.ErrorPercent, budget);
    }

    /// <summary>
    /// The GUM budget of an energy error from gates: the reference's specification (the figure that applies to the
    /// point) and calibration, the source's stability, the meter's register resolution and the gates' Type A spread.
    /// </summary>
    internal static UncertaintyBudget GateBudget(BenchUncertaintyFigures figures, GateSeries gates, double? referenceSpecificationPercent) =>
        EnergyErrorBudget.Build(new EnergyErrorBudgetInputs
        {
            ReferenceSpecificationPercent = referenceSpecificationPercent,
            ReferenceSpecificationCoverageFactor = figures.ReferenceAccuracyCoverageFactor,
            ReferenceCalibrationPercent = figures.ReferenceCalibrationPercent,
            SourceStabilityPercent = figures.SourceStabilityPercent,
            MeterResolutionWh = gates.ResolutionWh,
            MeterEnergyWh = gates.MeterEnergy / gates.ErrorsPercent.Count,
            RepeatedErrorsPercent = gates.ErrorsPercent,
        });

    /// <summary>The verdict of an error (or a variation of error) under the plan's rule, with the budget on the result.</summary>
    internal static PointResult Decide(PointRunContext context, TestPlan plan, ResolvedPoint point, GateSeries gates, double error, UncertaintyBudget budget)
    {
        var expanded = budget.ExpandedPercent > 0 ? budget.ExpandedPercent : (double?)null;
        var verdict = DecisionRules.Decide(context.Rule, error, point.LimitPercent, expanded);
        return context.Result(plan, point, gates.ReferenceEnergy, gates.MeterEnergy, error, verdict) with
        {
            DurationS = gates.DurationS,
            Repeats = gates.ErrorsPercent.Count,
            StandardDeviationPercent = gates.StandardDeviationPercent,
            UncertaintyPercent = expanded,
            CoverageFactor = expanded is null ? null : budget.CoverageFactor,
            Tur = expanded is null ? null : budget.Tur(point.LimitPercent),
            Budget = budget.Components.Select(c => new UncertaintyContribution(c.Name, c.Type, c.Distribution.ToString().ToLowerInvariant(), c.StatedPercent, c.StandardUncertaintyPercent)).ToList(),
        };
    }
}
