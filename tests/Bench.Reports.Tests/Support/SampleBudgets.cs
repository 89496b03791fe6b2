using Bench.Core.Results;

namespace Bench.Reports.Tests.Support;

/// <summary>
/// The example budget of shared/standards/decision-rules.md §4 (In, PF 1): u_c = 0.0128 %, U (k = 2) = 0.0255 %,
/// TUR 7.8 against 0.2 %. Standard uncertainties from the GUM rules of §3: U/k, a/√3, s/√n.
/// </summary>
internal static class SampleBudgets
{
    public static IReadOnlyList<UncertaintyContribution> Example { get; } =
    [
        new("Reference standard calibration (certificate)", "B", "normal", 0.02, 0.02 / 2),
        new("Reference drift since calibration", "B", "rectangular", 0.01, 0.01 / Math.Sqrt(3)),
        new("Pulse-count resolution (1 in 20 000)", "B", "rectangular", 0.005, 0.005 / Math.Sqrt(3)),
        new("Source stability during the gate", "B", "rectangular", 0.005, 0.005 / Math.Sqrt(3)),
        new("Repeatability, 5 gates (Type A)", "A", "observed", 0.008, 0.008 / Math.Sqrt(5)),
    ];

    /// <summary>√(0.01² + 0.01²/3 + 2·0.005²/3 + 0.008²/5), by hand.</summary>
    public static double Combined => Math.Sqrt((0.01 * 0.01) + (0.01 * 0.01 / 3) + (2 * 0.005 * 0.005 / 3) + (0.008 * 0.008 / 5));

    public static PointResult WithBudget(PointResult p, double k = 2) => p with
    {
        Budget = Example,
        UncertaintyPercent = k * Combined,
        CoverageFactor = k,
        Tur = p.LimitPercent / (k * Combined),
        Repeats = 5,
        StandardDeviationPercent = 0.008,
    };
}
