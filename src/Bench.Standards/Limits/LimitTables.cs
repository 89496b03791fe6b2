using Bench.Core.Errors;

namespace Bench.Standards.Limits;

/// <summary>The accuracy tables Bench knows, by the standard's name as a plan writes it.</summary>
public static class LimitTables
{
    private static readonly Dictionary<string, EnergyLimitTable> ByStandard = new(StringComparer.OrdinalIgnoreCase)
    {
        [Iec62053Part22.Standard] = Iec62053Part22.Table,
    };

    public static IEnumerable<string> Standards => ByStandard.Keys;

    public static EnergyLimitTable ForStandard(string standard, string where) =>
        ByStandard.TryGetValue(standard.Trim(), out var table)
            ? table
            : throw new BenchInputException(where, $"unknown standard '{standard}' (known: {string.Join(", ", ByStandard.Keys)})");
}
