using Bench.Core.Errors;
using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// IEC 61000-4-30 Ed.3 Class A and S measurement uncertainties as IEC 62586-2 tests them (shared/standards/
/// power-quality.md §3, §6, §7). Class A frequency (±10 mHz), the Class I harmonic voltage rows and the F1 Pst ±5 % are
/// taken as checked; the rest carries "(unconfirmed)". Harmonic and THD limits switch to ±0.05 % Unom below 1 % Unom:
/// <see cref="PowerQualityHarmonicLimit"/>; event durations: <see cref="PowerQualityEventLimits"/>.
/// </summary>
public static class PowerQualityLimits
{
    public const string Standard = "IEC 61000-4-30";

    private static readonly PowerQualityLimit[] Rows =
    [
        new(PowerQualityParameter.Frequency, "A", 10, "mHz", new LimitSource(Standard, "Ed.3 §5.1 power frequency, Class A, ±10 mHz", false)),
        new(PowerQualityParameter.Voltage, "A", 0.1, "% of Udin", new LimitSource(Standard, "Ed.3 §5.2 supply-voltage magnitude, Class A, ±0.1 % Udin over 10–150 % Udin", true)),
        new(PowerQualityParameter.Current, "A", 0.1, "% of In", new LimitSource(Standard, "Ed.3 current magnitude, Class A, ±0.1 % of full scale", true)),
        new(PowerQualityParameter.VoltageEvents, "A", 0.2, "% of Udin", new LimitSource(Standard, "Ed.3 §5.4 dips/swells/interruptions, Class A, residual or maximum voltage ±0.2 % Udin (duration ±1 cycle)", true)),
        new(PowerQualityParameter.Unbalance, "A", 0.15, "% (u2, absolute)", new LimitSource(Standard, "Ed.3 §5.7 unbalance, Class A, u2 ±0.15 % absolute for u2 in 1–5 %", true)),
        new(PowerQualityParameter.VoltageHarmonic, "A", 5, "% of reading", new LimitSource(Standard, "Ed.3 §5.8 with IEC 61000-4-7 Class I: Uh ±5 % of reading where Uh ≥ 1 % Unom, else ±0.05 % Unom", false)),
        new(PowerQualityParameter.VoltageThd, "A", 5, "% of reading", new LimitSource(Standard, "Ed.3 §5.8 THD, judged like IEC 61000-4-7 Class I harmonics: ±5 % of reading where the distortion is ≥ 1 % Unom, else ±0.05 % Unom", true)),
        new(PowerQualityParameter.Flicker, "A", 5, "% of reading", new LimitSource("IEC 61000-4-15", "Ed.2 class F1, Table 5: Pst = 1 ±5 %", false)),
        new(PowerQualityParameter.Frequency, "S", 50, "mHz", new LimitSource(Standard, "Ed.3 §5.1 power frequency, Class S, ±50 mHz", true)),
        new(PowerQualityParameter.Voltage, "S", 0.5, "% of Udin", new LimitSource(Standard, "Ed.3 §5.2 supply-voltage magnitude, Class S, ±0.5 % Udin", true)),
        new(PowerQualityParameter.Current, "S", 1, "% of In", new LimitSource(Standard, "Ed.3 current magnitude, Class S, ±1 % of full scale", true)),
        new(PowerQualityParameter.VoltageEvents, "S", 1, "% of Udin", new LimitSource(Standard, "Ed.3 §5.4 dips/swells/interruptions, Class S, residual or maximum voltage ±1 % Udin (duration ±2 cycles)", true)),
        new(PowerQualityParameter.Unbalance, "S", 0.3, "% (u2, absolute)", new LimitSource(Standard, "Ed.3 §5.7 unbalance, Class S, u2 ±0.3 % absolute", true)),
    ];

    public static bool IsPowerQualityStandard(string standard) => standard.Trim().Equals(Standard, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> Classes => Rows.Select(r => r.AccuracyClass).Distinct();

    public static bool HasClass(string accuracyClass) => Classes.Contains(accuracyClass, StringComparer.OrdinalIgnoreCase);

    public static PowerQualityLimit Find(string accuracyClass, PowerQualityParameter parameter, string where) =>
        Rows.FirstOrDefault(r => r.AccuracyClass.Equals(accuracyClass, StringComparison.OrdinalIgnoreCase) && r.Parameter == parameter)
        ?? throw new BenchInputException(where, $"{Standard} class {accuracyClass} has no uncertainty for {parameter}");
}
