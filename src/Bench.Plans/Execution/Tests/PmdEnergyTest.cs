using Bench.Core.Results;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Plans.Model;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The energy functions of a PMD: ErA by energy gates on the reference and the meter's reactive register (as an IEC
/// 62053-24 point, delivered or received by the sign of the load), with the energy budget. EapA needs an apparent-energy
/// integration the reference role does not give (Wh and varh only): it stays INCOMPLETE with that reason.
/// </summary>
public sealed class PmdEnergyTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        if (point.Plan.Pmd!.Function == PmdFunction.ApparentEnergy)
        {
            var mapped = context.Bench.Meter is ModbusMeter modbus && modbus.Profile.Energy(EnergyQuantity.ApparentDelivered) is not null;
            return context.Incomplete(plan, point, mapped
                ? "EapA: the reference standard integrates active and reactive energy only (no VAh): apparent energy cannot be judged on this bench"
                : "EapA: the meter's profile maps no apparent_delivered energy register");
        }

        var (gates, problem) = await new EnergyComparison(context.Bench).MeasureAsync(plan, point.Setpoint, point.LimitPercent, reactive: true, point.Ratings, cancellationToken);
        if (gates is null)
        {
            return context.Incomplete(plan, point, $"ErA: {problem}");
        }

        var figures = context.Figures;
        var budget = EnergyErrorBudget.Build(new EnergyErrorBudgetInputs
        {
            // sin φ points: the reference's reduced-PF figure, as for an IEC 62053-24 plan.
            ReferenceSpecificationPercent = figures.ReferenceAccuracyReducedPfPercent,
            ReferenceSpecificationCoverageFactor = figures.ReferenceAccuracyCoverageFactor,
            ReferenceCalibrationPercent = figures.ReferenceCalibrationPercent,
            SourceStabilityPercent = figures.SourceStabilityPercent,
            MeterResolutionWh = gates.ResolutionWh,
            MeterEnergyWh = gates.MeterEnergy / gates.ErrorsPercent.Count,
            RepeatedErrorsPercent = gates.ErrorsPercent,
        });
        var result = AccuracyTest.Decide(context, plan, point, gates, gates.ErrorPercent, budget);
        return result with
        {
            ReferenceValue = gates.ReferenceEnergy,
            MeterValue = gates.MeterEnergy,
            ValueUnit = "varh",
            Reason = FormattableString.Invariant($"ErA: meter {gates.MeterEnergy:0.###} varh, reference {gates.ReferenceEnergy:0.###} varh over {gates.ErrorsPercent.Count} gate(s) of {gates.DurationS:0.#} s; error in % of reading; read from the reactive energy register"),
        };
    }
}
