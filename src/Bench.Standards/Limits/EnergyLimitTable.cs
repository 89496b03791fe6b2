using Bench.Core.Errors;
using Bench.Core.Quantities;

namespace Bench.Standards.Limits;

/// <summary>The accuracy table of one standard for one quantity: looks up the limit that applies at a load point for a class.</summary>
public sealed class EnergyLimitTable
{
    public EnergyLimitTable(string standard, string quantity, TrigFunction angleFunction, IReadOnlyList<EnergyLimitRow> rows)
    {
        Standard = standard;
        Quantity = quantity;
        AngleFunction = angleFunction;
        Rows = rows;
    }

    public string Standard { get; }

    /// <summary>"active-energy" or "reactive-energy".</summary>
    public string Quantity { get; }

    /// <summary>Whether the table's load points are written as cos φ (active) or sin φ (reactive).</summary>
    public TrigFunction AngleFunction { get; }

    public IReadOnlyList<EnergyLimitRow> Rows { get; }

    public IEnumerable<string> Classes => Rows.Select(r => r.AccuracyClass).Distinct();

    public bool HasClass(string accuracyClass) => Rows.Any(r => r.AccuracyClass.Equals(accuracyClass, StringComparison.OrdinalIgnoreCase));

    /// <summary>The row for a load point; <paramref name="where"/> names the plan entry for the error.</summary>
    public EnergyLimitRow Find(string accuracyClass, double currentA, double nominalA, double maximumA, LoadAngle angle, LoadConnection load, string where)
    {
        if (!HasClass(accuracyClass))
        {
            throw new BenchInputException(where, $"{Standard} has no class '{accuracyClass}' (known: {string.Join(", ", Classes)})");
        }

        if (currentA > maximumA * (1 + 1e-9))
        {
            throw new BenchInputException(where, $"current {currentA:0.####} A is above Imax {maximumA:0.####} A: the limits of {Standard} do not apply there");
        }

        var row = Rows.FirstOrDefault(r => r.AccuracyClass.Equals(accuracyClass, StringComparison.OrdinalIgnoreCase)
            && r.Covers(currentA, nominalA, maximumA, angle, load));
        var loadText = load == LoadConnection.Balanced ? "balanced load" : "single-phase load";
        return row ?? throw new BenchInputException(
            where,
            $"{Standard} class {accuracyClass} gives no limit at {currentA / nominalA * 100:0.###} % In, {(angle.Function == TrigFunction.Cos ? "PF" : "")} {angle}, {loadText}");
    }

    public EnergyLimitRow Find(string accuracyClass, double currentA, double nominalA, double maximumA, PowerFactor pf, string where) =>
        Find(accuracyClass, currentA, nominalA, maximumA, LoadAngle.FromPowerFactor(pf), LoadConnection.Balanced, where);
}
