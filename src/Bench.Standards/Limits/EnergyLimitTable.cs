using Bench.Core.Errors;
using Bench.Core.Quantities;

namespace Bench.Standards.Limits;

/// <summary>The accuracy table of one standard: looks up the limit that applies at a load point for a class.</summary>
public sealed class EnergyLimitTable
{
    public EnergyLimitTable(string standard, IReadOnlyList<EnergyLimitRow> rows)
    {
        Standard = standard;
        Rows = rows;
    }

    public string Standard { get; }

    public IReadOnlyList<EnergyLimitRow> Rows { get; }

    public IEnumerable<string> Classes => Rows.Select(r => r.AccuracyClass).Distinct();

    public bool HasClass(string accuracyClass) => Rows.Any(r => r.AccuracyClass.Equals(accuracyClass, StringComparison.OrdinalIgnoreCase));

    /// <summary>The row for a balanced load at <paramref name="currentA"/> and <paramref name="pf"/>; <paramref name="where"/> names the plan entry for the error.</summary>
    public EnergyLimitRow Find(string accuracyClass, double currentA, double nominalA, double maximumA, PowerFactor pf, string where)
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
            && r.Covers(currentA, nominalA, maximumA, pf));
        return row ?? throw new BenchInputException(
            where,
            $"{Standard} class {accuracyClass} gives no limit at {currentA / nominalA * 100:0.###} % In, PF {pf}");
    }
}
