using Bench.Core.Errors;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// IEC 61000-4-30 Ed.3 Class A and S measurement uncertainties as IEC 62586-2 tests them (shared/standards/
/// power-quality.md §3). Only Class A frequency (±10 mHz) is [C]; the rest carries "(unconfirmed)".
/// </summary>
public static class PowerQualityLimits
{
    public const string Standard = "IEC 61000-4-30";

    private static readonly PowerQualityLimit[] Rows =
    [
        new(PowerQualityParameter.Frequency, "A", 10, "mHz", new LimitSource(Standard, "Ed.3 §5.1 power frequency, Class A, ±10 mHz", false)),
        new(PowerQualityParameter.Voltage, "A", 0.1, "% of Udin", new LimitSource(Standard, "Ed.3 §5.2 supply-voltage magnitude, Class A, ±0.1 % Udin over 10–150 % Udin", true)),
        new(PowerQualityParameter.Current, "A", 0.1, "% of In", new LimitSource(Standard, "Ed.3 current magnitude, Class A, ±0.1 % of full scale", true)),
        new(PowerQualityParameter.Frequency, "S", 50, "mHz", new LimitSource(Standard, "Ed.3 §5.1 power frequency, Class S, ±50 mHz", true)),
        new(PowerQualityParameter.Voltage, "S", 0.5, "% of Udin", new LimitSource(Standard, "Ed.3 §5.2 supply-voltage magnitude, Class S, ±0.5 % Udin", true)),
        new(PowerQualityParameter.Current, "S", 1, "% of In", new LimitSource(Standard, "Ed.3 current magnitude, Class S, ±1 % of full scale", true)),
    ];

    public static bool IsPowerQualityStandard(string standard) => standard.Trim().Equals(Standard, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> Classes => Rows.Select(r => r.AccuracyClass).Distinct();

    public static bool HasClass(string accuracyClass) => Classes.Contains(accuracyClass, StringComparer.OrdinalIgnoreCase);

    public static PowerQualityLimit Find(string accuracyClass, PowerQualityParameter parameter, string where) =>
        Rows.FirstOrDefault(r => r.AccuracyClass.Equals(accuracyClass, StringComparison.OrdinalIgnoreCase) && r.Parameter == parameter)
        ?? throw new BenchInputException(where, $"{Standard} class {accuracyClass} has no uncertainty for {parameter}");
}
