using Bench.Core.Results;
using Bench.Instruments.Roles;
using Bench.Plans.Model;
using Bench.Standards.Limits;
using Bench.Standards.Uncertainty;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The energy functions of a PMD: ErA by energy gates on the reference and the meter's reactive register (as an IEC
/// 62053-24 point, delivered or received by the sign of the load), with the energy budget; EapA by gates on the
/// reference's apparent energy (when its profile integrates VAh) and the meter's apparent_delivered register. A
/// reference without VAh leaves EapA INCOMPLETE with that reason.
/// </summary>
public sealed class PmdEnergyTest(PointRunContext context) : IPointTestRunner
{
    public async Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        if (point.Plan.Pmd!.Function == PmdFunction.ApparentEnergy)
        {
            return await ApparentAsync(plan, point, cancellationToken);
        }

        var (gates, problem) = await new EnergyComparison(context.Bench).MeasureAsync(plan, point.Setpoint, point.LimitPercent, reactive: true, point.Ratings, cancellationToken);
        if (gates is null)
        {
            return context.Incomplete(plan, point, $"ErA: {problem}");
        }

        // sin φ points: the reference's reduced-PF figure, as for an IEC 62053-24 plan.
        var budget = AccuracyTest.GateBudget(context.Figures, gates, context.Figures.ReferenceAccuracyReducedPfPercent);
        var result = AccuracyTest.Decide(context, plan, point, gates, gates.ErrorPercent, budget);
        return result with
        {
            ReferenceValue = gates.ReferenceEnergy,
            MeterValue = gates.MeterEnergy,
            ValueUnit = "varh",
            Reason = FormattableString.Invariant($"ErA: meter {gates.MeterEnergy:0.###} varh, reference {gates.ReferenceEnergy:0.###} varh over {gates.ErrorsPercent.Count} gate(s) of {gates.DurationS:0.#} s; error in % of reading; read from the reactive energy register"),
        };
    }

    private async Task<PointResult> ApparentAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken)
    {
        var (gates, problem) = await new PmdApparentEnergyGates(context.Bench).MeasureAsync(plan, point, cancellationToken);
        if (gates is null)
        {
            return context.Incomplete(plan, point, $"EapA: {problem}");
        }

        // No VAh accuracy is stated separately: the reference's energy figure at PF 1 is taken (S = U·I carries no
        // phase-angle error), as the profile's comment on apparent_definition notes.
        var budget = AccuracyTest.GateBudget(context.Figures, gates, context.Figures.ReferenceAccuracyUnityPercent);
        var definition = context.Bench.Reference is IApparentEnergyReference r ? r.ApparentEnergyDefinition : "unstated";
        var result = AccuracyTest.Decide(context, plan, point, gates, gates.ErrorPercent, budget);
        return result with
        {
            ReferenceValue = gates.ReferenceEnergy,
            MeterValue = gates.MeterEnergy,
            ValueUnit = "VAh",
            Reason = FormattableString.Invariant($"EapA: meter {gates.MeterEnergy:0.###} VAh, reference {gates.ReferenceEnergy:0.###} VAh over {gates.ErrorsPercent.Count} gate(s) of {gates.DurationS:0.#} s; error in % of reading; read from the apparent_delivered energy register; reference apparent power {definition}"),
        };
    }
}
