using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution;

/// <summary>Resolves every point of a plan before anything is energized, so a bad point stops the run at file:line:col, not half way.</summary>
public static class PointResolver
{
    public static IReadOnlyList<ResolvedPoint> Resolve(TestPlan plan, DutRatings dut)
    {
        // A plan may test a meter against another class than its own (e.g. a 0.5S check of a 0.2S meter): the plan's class decides.
        var table = LimitTables.ForStandard(plan.Standard, plan.File);
        return plan.Points.Select(p => Resolve(p, plan, table, dut)).ToList();
    }

    private static ResolvedPoint Resolve(PlanPoint p, TestPlan plan, EnergyLimitTable table, DutRatings dut)
    {
        var current = dut.Resolve(p.Current);
        var voltage = dut.Resolve(p.Voltage);
        var frequency = dut.Resolve(p.Frequency);
        if (current <= 0 || voltage <= 0 || frequency <= 0)
        {
            throw new BenchInputException(p.Where, $"point '{p.Id}': current, voltage and frequency must be positive");
        }

        var limit = table.Find(plan.AccuracyClass, current, dut.NominalCurrentA, dut.MaximumCurrentA, p.Angle, p.Load, p.Where);
        var lag = p.Angle.CurrentLagDegrees;
        var setpoint = p.Load == LoadConnection.Balanced
            ? ThreePhaseSetpoint.Balanced(voltage, current, lag, frequency)
            : ThreePhaseSetpoint.SinglePhaseLoad(voltage, current, lag, frequency, p.LoadedPhase);
        var phases = p.Load == LoadConnection.Balanced ? "L1 L2 L3 (balanced)" : $"L{p.LoadedPhase + 1} only (single-phase load)";
        var description = new PointSetpoint(voltage, current, p.Angle.ToString(), frequency, current / dut.NominalCurrentA * 100, phases);
        return new ResolvedPoint(p, setpoint, description, limit);
    }
}
