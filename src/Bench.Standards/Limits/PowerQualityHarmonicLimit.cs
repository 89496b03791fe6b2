using Bench.Core.Results;

namespace Bench.Standards.Limits;

/// <summary>
/// The IEC 61000-4-7 Class I voltage figure as IEC 61000-4-30 Class A uses it (power-quality.md §6): ±5 % of the
/// reading Um where Um ≥ 1 % Unom, ±0.05 % Unom below. For THD the "reading" is the distortion voltage THD·U1.
/// </summary>
public static class PowerQualityHarmonicLimit
{
    public const double RelativeLimitPercent = 5;

    public const double AbsoluteLimitPercentOfNominal = 0.05;

    public const double ThresholdPercentOfNominal = 1;

    /// <summary>The limit for a harmonic (or distortion) voltage of <paramref name="magnitudePercentOfNominal"/> % Unom: value and unit.</summary>
    public static (double Limit, string Unit) For(double magnitudePercentOfNominal) =>
        magnitudePercentOfNominal >= ThresholdPercentOfNominal
            ? (RelativeLimitPercent, "% of reading")
            : (AbsoluteLimitPercentOfNominal, "% of Unom");

    public static LimitSource Source(bool thd) => thd
        ? new LimitSource(PowerQualityLimits.Standard, "Ed.3 §5.8 THD, judged like IEC 61000-4-7 Class I: ±5 % of reading (≥ 1 % Unom), ±0.05 % Unom below", true)
        : new LimitSource(PowerQualityLimits.Standard, "Ed.3 §5.8 with IEC 61000-4-7 Class I: ±5 % of reading (≥ 1 % Unom), ±0.05 % Unom below", false);
}
