using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution;

/// <summary>
/// Resolves an IEC 61557-12 function point: the source setting (load point, unbalance, harmonics at order × the
/// phase's angle), and the limit of the function's declared class at that setting.
/// </summary>
public static class PmdFunctionPoints
{
    public static ResolvedPoint Resolve(PlanPoint p, TestPlan plan, DutRatings dut)
    {
        var settings = p.Pmd ?? throw new BenchInputException(p.Where, $"point '{p.Id}' names no IEC 61557-12 function");
        var current = dut.Resolve(p.Current);
        var voltage = dut.Resolve(p.Voltage);
        var frequency = dut.Resolve(p.Frequency);
        if (current < 0 || voltage <= 0 || frequency <= 0)
        {
            throw new BenchInputException(p.Where, $"point '{p.Id}': voltage and frequency must be positive");
        }

        var setpoint = Setpoint(p, settings, voltage, current, frequency);
        var function = settings.Function;
        var operating = new PmdOperatingPoint(current, dut.NominalCurrentA, dut.MaximumCurrentA, voltage, dut.NominalVoltageV, frequency, dut.NominalFrequencyHz, p.Angle)
        {
            Load = p.Load,
            ThdPercent = ThdPercent(function == PmdFunction.CurrentThd ? settings.CurrentHarmonics : settings.VoltageHarmonics),
            UnbalancePercent = settings.VoltageUnbalancePercent,
            NeutralCurrentA = NeutralCurrentA(setpoint),
        };
        var limit = PmdFunctionLimits.Find(function, plan.FunctionClasses[function], operating, p.Where);
        var spec = PmdFunctionLimits.Spec(function);
        var description = new PointSetpoint(voltage, current, p.Angle.ToString(), frequency, current / dut.NominalCurrentA * 100, Phases(p, settings, spec));
        return new ResolvedPoint(p, setpoint, description, limit.Limit, limit.Source)
        {
            Ratings = dut,
            LimitUnit = limit.Unit,
        };
    }

    /// <summary>THD relative to the fundamental of a set of harmonics, in percent: √Σ h².</summary>
    public static double ThdPercent(IReadOnlyList<HarmonicComponent> harmonics) =>
        Math.Sqrt(harmonics.Sum(h => h.PercentOfFundamental * h.PercentOfFundamental));

    /// <summary>|Σ I∠θ| of the fundamentals.</summary>
    public static double NeutralCurrentA(ThreePhaseSetpoint setpoint)
    {
        var re = setpoint.Phases.Sum(x => x.CurrentA * Math.Cos(x.CurrentAngleDeg * Math.PI / 180));
        var im = setpoint.Phases.Sum(x => x.CurrentA * Math.Sin(x.CurrentAngleDeg * Math.PI / 180));
        return Math.Sqrt((re * re) + (im * im));
    }

    private static ThreePhaseSetpoint Setpoint(PlanPoint p, PmdPointSettings settings, double voltage, double current, double frequency)
    {
        var lag = p.Angle.CurrentLagDegrees;
        var basic = p.Load == LoadConnection.Balanced
            ? ThreePhaseSetpoint.Balanced(voltage, current, lag, frequency)
            : ThreePhaseSetpoint.SinglePhaseLoad(voltage, current, lag, frequency, p.LoadedPhase);

        // L1 at (1 + 2u), L2 and L3 at (1 − u) with 2u the unbalance: the mean stays U, L1 deviates from it by 2u.
        var u = settings.VoltageUnbalancePercent / 100 / 2;
        return basic with
        {
            Phases = basic.Phases.Select((x, k) => x with
            {
                VoltageV = x.VoltageV * (k == 0 ? 1 + (2 * u) : 1 - u),
                VoltageHarmonics = settings.VoltageHarmonics.Select(h => h with { AngleDeg = h.Order * x.VoltageAngleDeg }).ToList(),
                CurrentHarmonics = settings.CurrentHarmonics.Select(h => h with { AngleDeg = h.Order * x.CurrentAngleDeg }).ToList(),
            }).ToList(),
        };
    }

    private static string Phases(PlanPoint p, PmdPointSettings settings, PmdFunctionSpec spec)
    {
        var text = p.Load == LoadConnection.Balanced ? "L1 L2 L3" : $"L{p.LoadedPhase + 1} only";
        var extras = new List<string>();
        if (settings.VoltageHarmonics.Count > 0)
        {
            extras.Add(string.Create(CultureInfo.InvariantCulture, $"THDu {ThdPercent(settings.VoltageHarmonics):0.##} %"));
        }

        if (settings.CurrentHarmonics.Count > 0)
        {
            extras.Add(string.Create(CultureInfo.InvariantCulture, $"THDi {ThdPercent(settings.CurrentHarmonics):0.##} %"));
        }

        if (settings.VoltageUnbalancePercent > 0)
        {
            extras.Add(string.Create(CultureInfo.InvariantCulture, $"unbalance {settings.VoltageUnbalancePercent:0.##} %"));
        }

        return $"{text}{string.Concat(extras.Select(e => ", " + e))}, {spec.Symbol} compared";
    }
}
