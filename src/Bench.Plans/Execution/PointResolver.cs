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

        var limit = table.Find(plan.AccuracyClass, current, dut.NominalCurrentA, dut.MaximumCurrentA, p.PowerFactor, p.Where);
        var setpoint = ThreePhaseSetpoint.Balanced(voltage, current, p.PowerFactor, frequency);
        var description = new PointSetpoint(voltage, current, p.PowerFactor.ToString(), frequency, current / dut.NominalCurrentA * 100, "L1 L2 L3 (balanced)");
        return new ResolvedPoint(p, setpoint, description, limit);
    }
}
