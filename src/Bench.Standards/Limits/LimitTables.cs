using Bench.Core.Errors;

namespace Bench.Standards.Limits;

/// <summary>The accuracy tables Bench knows, by the standard's name as a plan writes it.</summary>
public static class LimitTables
{
    private static readonly Dictionary<string, EnergyLimitTable> ByStandard =
        EnergyStandards.All.ToDictionary(t => t.Standard, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Standards => ByStandard.Keys;

    public static EnergyLimitTable ForStandard(string standard, string where) =>
        ByStandard.TryGetValue(standard.Trim(), out var table)
            ? table
            : throw new BenchInputException(where, $"unknown standard '{standard}' (known: {string.Join(", ", ByStandard.Keys)})");
}
