using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// IEC 61557-12 Ed.2 (2018 + AMD1 2021) functions of a PMD as data (shared/standards/pmd-61557-12.md §3–§5): the classes
/// each may claim, its intrinsic uncertainty for class C and the rated operating range it applies over. Every figure is
/// (unconfirmed) in the shared notes and carries the mark on its <see cref="LimitSource"/>.
/// </summary>
public static class PmdFunctionLimits
{
    public const string Standard = "IEC 61557-12";

    /// <summary>THD floor in percentage points per unit of class: Bench's assumption (IEC 61000-4-7 Class I's 0.05 % floor).</summary>
    public const double ThdFloorPointsPerClass = 0.05;

    private const double Tolerance = 1e-9;

    public static IReadOnlyList<PmdFunctionSpec> Functions { get; } =
    [
        new(PmdFunction.Frequency, "f", "frequency", "frequency", [0.02, 0.05, 0.1, 0.2, 0.5], PmdErrorForm.PercentOfReading,
            "fn ± 5 Hz (45 … 55 Hz / 55 … 65 Hz)", p => Math.Abs(p.FrequencyHz - p.NominalFrequencyHz) <= 5 + Tolerance),
        new(PmdFunction.Voltage, "U", "voltage", "phase voltage", [0.1, 0.2, 0.5, 1, 2], PmdErrorForm.PercentOfReading,
            "0.8 … 1.2 Un", p => Between(p.VoltageV / p.NominalVoltageV, 0.8, 1.2)),
        new(PmdFunction.Current, "I", "current", "phase current", [0.1, 0.2, 0.5, 1, 2], PmdErrorForm.PercentOfReading,
            "0.05 In … Imax (PMD/Sx)", p => Between(p.CurrentFractionOfNominal, 0.05, p.MaximumCurrentA / p.NominalCurrentA)),
        new(PmdFunction.NeutralCurrent, "IN", "neutral-current", "neutral current, measured", [0.1, 0.2, 0.5, 1, 2], PmdErrorForm.PercentOfReading,
            "0.05 In … Imax of the neutral current", p => Between(p.NeutralCurrentA / p.NominalCurrentA, 0.05, p.MaximumCurrentA / p.NominalCurrentA)),
        new(PmdFunction.ActivePower, "P", "active-power", "total active power", [0.2, 0.5, 1, 2], PmdErrorForm.PercentOfReadingTable,
            "the load points of the P/Ea table (0.01 In … Imax, PF 1 … 0.25 L / 0.5 C)", _ => true),
        new(PmdFunction.ReactivePower, "QA", "reactive-power", "total reactive power, arithmetic", [1, 2, 3], PmdErrorForm.PercentOfReadingTable,
            "the load points of the QA table (0.01 In … Imax, sin φ 1 … 0.25)", _ => true),
        new(PmdFunction.ApparentPower, "SA", "apparent-power", "total apparent power, arithmetic", [0.2, 0.5, 1, 2, 3], PmdErrorForm.PercentOfReading,
            "0.05 In … Imax, as P", p => Between(p.CurrentFractionOfNominal, 0.05, p.MaximumCurrentA / p.NominalCurrentA)),
        new(PmdFunction.PowerFactor, "PFA", "power-factor", "total power factor, arithmetic", [0.5, 1, 2], PmdErrorForm.AbsolutePowerFactor,
            "PF 0.5 L … 1 … 0.8 C at 0.05 In … Imax", p => Between(p.CurrentFractionOfNominal, 0.05, p.MaximumCurrentA / p.NominalCurrentA) && PowerFactorInRange(p.Angle)),
        new(PmdFunction.VoltageThd, "THDu", "voltage-thd", "voltage THD relative to the fundamental", [1, 2, 5, 10], PmdErrorForm.PercentagePointsOfReading,
            "THDu 0 … 20 %", p => Between(p.ThdPercent, 0, 20)),
        new(PmdFunction.CurrentThd, "THDi", "current-thd", "current THD relative to the fundamental", [1, 2, 5, 10], PmdErrorForm.PercentagePointsOfReading,
            "THDi 0 … 200 % at 0.05 In … Imax", p => Between(p.ThdPercent, 0, 200) && Between(p.CurrentFractionOfNominal, 0.05, p.MaximumCurrentA / p.NominalCurrentA)),
        new(PmdFunction.VoltageUnbalance, "Unba", "voltage-unbalance", "voltage unbalance, amplitude only", [0.2, 0.5, 1], PmdErrorForm.PercentagePoints,
            "0 … 5 % unbalance", p => Between(p.UnbalancePercent, 0, 5)),
        new(PmdFunction.ReactiveEnergy, "ErA", "reactive-energy", "total reactive energy, arithmetic", [1, 2, 3], PmdErrorForm.PercentOfReadingTable,
            "the load points of the QA table (0.01 In … Imax, sin φ 1 … 0.25)", _ => true),
        new(PmdFunction.ApparentEnergy, "EapA", "apparent-energy", "total apparent energy, arithmetic", [0.2, 0.5, 1, 2, 3], PmdErrorForm.PercentOfReading,
            "0.05 In … Imax, as SA", p => Between(p.CurrentFractionOfNominal, 0.05, p.MaximumCurrentA / p.NominalCurrentA)),
    ];

    public static PmdFunctionSpec Spec(PmdFunction function) => Functions.First(f => f.Function == function);

    /// <summary>The function a plan names ("voltage-thd"), or null.</summary>
    public static PmdFunctionSpec? ByPlanKey(string key) =>
        Functions.FirstOrDefault(f => f.PlanKey.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws unless the standard allows <paramref name="functionClass"/> for the function.</summary>
    public static void CheckClass(PmdFunction function, double functionClass, string where)
    {
        var spec = Spec(function);
        if (!spec.Classes.Any(c => Math.Abs(c - functionClass) < Tolerance))
        {
            throw new BenchInputException(where, $"{Standard}: function {spec.Symbol} claims class {Text(functionClass)}, but may only claim {string.Join(" / ", spec.Classes.Select(Text))} (unconfirmed)");
        }
    }

    /// <summary>The limit at an operating point; outside the function's rated operating range the standard gives none.</summary>
    public static PmdFunctionLimit Find(PmdFunction function, double functionClass, PmdOperatingPoint point, string where)
    {
        CheckClass(function, functionClass, where);
        var spec = Spec(function);
        if (point.CurrentA > point.MaximumCurrentA * (1 + Tolerance))
        {
            throw new BenchInputException(where, $"current {Text(point.CurrentA)} A is above Imax {Text(point.MaximumCurrentA)} A: {Standard} gives no uncertainty there");
        }

        if (!spec.InRange(point))
        {
            throw new BenchInputException(where, $"{Standard}: function {spec.Symbol} has its class {Text(functionClass)} uncertainty over {spec.RangeText} (unconfirmed); this point lies outside it");
        }

        if (spec.Form == PmdErrorForm.PercentOfReadingTable)
        {
            var table = Table(function);
            var row = table.Find(Text(functionClass), point.CurrentA, point.NominalCurrentA, point.MaximumCurrentA, point.Angle, point.Load, where);
            return new PmdFunctionLimit(function, functionClass, row.LimitPercent, spec.ErrorUnit, TableSource(row.Source, spec, functionClass));
        }

        var limit = spec.Form switch
        {
            PmdErrorForm.AbsolutePowerFactor => functionClass * 0.01,
            PmdErrorForm.PercentagePointsOfReading => Math.Max(functionClass / 100 * point.ThdPercent, functionClass * ThdFloorPointsPerClass),
            _ => functionClass,
        };
        return new PmdFunctionLimit(function, functionClass, limit, spec.ErrorUnit, Source(spec, functionClass));
    }

    /// <summary>Where the limits of a function at a class come from: one clause, or the table rows of that class.</summary>
    public static IReadOnlyList<LimitSource> Sources(PmdFunction function, double functionClass)
    {
        var spec = Spec(function);
        if (spec.Form != PmdErrorForm.PercentOfReadingTable)
        {
            return [Source(spec, functionClass)];
        }

        return Table(function).Rows.Where(r => r.AccuracyClass == Text(functionClass)).Select(r => TableSource(r.Source, spec, functionClass)).ToList();
    }

    private static LimitSource Source(PmdFunctionSpec spec, double c)
    {
        var formula = spec.Form switch
        {
            PmdErrorForm.AbsolutePowerFactor => $"±{Text(c * 0.01)} absolute PF (±C·0.01)",
            PmdErrorForm.PercentagePointsOfReading => $"±{Text(c)} % of reading, at least ±{Text(c * ThdFloorPointsPerClass)} percentage points (floor assumed by Bench)",
            PmdErrorForm.PercentagePoints => $"±{Text(c)} percentage points",
            _ => $"±{Text(c)} % of reading",
        };
        return new LimitSource(Standard, $"Ed.2 function {spec.Symbol} ({spec.Title}), class {Text(c)}: intrinsic uncertainty {formula} over {spec.RangeText}", Unconfirmed: true);
    }

    /// <summary>P's table (as Ea), or QA's for QA and ErA.</summary>
    private static EnergyLimitTable Table(PmdFunction function) =>
        function == PmdFunction.ActivePower ? PmdPowerTables.ActivePower : PmdPowerTables.ReactivePower;

    private static LimitSource TableSource(LimitSource row, PmdFunctionSpec spec, double c) =>
        row with { Clause = $"{row.Clause}, function {spec.Symbol} class {Text(c)}" };

    private static bool PowerFactorInRange(LoadAngle angle) => angle.Kind switch
    {
        LoadKind.Capacitive => angle.CosPhi >= 0.8 - Tolerance,
        LoadKind.Inductive => angle.CosPhi >= 0.5 - Tolerance,
        _ => true,
    };

    private static bool Between(double value, double low, double high) => value >= low - Tolerance && value <= high + Tolerance;

    private static string Text(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
