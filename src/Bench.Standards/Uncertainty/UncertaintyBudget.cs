using MathNet.Numerics.Distributions;

namespace Bench.Standards.Uncertainty;

/// <summary>
/// A GUM budget of uncorrelated relative components (JCGM 100 §5.1.2 with sensitivity coefficients of 1):
/// combined standard uncertainty by root-sum-square, effective degrees of freedom by Welch–Satterthwaite, and the
/// expanded uncertainty with k = 2, or k = t(95.45 %, ν_eff) when ν_eff is small (GUM Annex G).
/// </summary>
public sealed class UncertaintyBudget
{
    /// <summary>Below this ν_eff the coverage factor comes from Student's t instead of 2 (decision-rules.md §3: ~30).</summary>
    public const double DegreesOfFreedomForK2 = 30;

    /// <summary>The conventional lowest acceptable test uncertainty ratio (decision-rules.md §4).</summary>
    public const double MinimumTur = 4;

    public UncertaintyBudget(IReadOnlyList<UncertaintyComponent> components)
    {
        Components = components;
        CombinedPercent = Math.Sqrt(components.Sum(c => c.StandardUncertaintyPercent * c.StandardUncertaintyPercent));
        var denominator = components.Where(c => double.IsFinite(c.DegreesOfFreedom) && c.StandardUncertaintyPercent > 0)
            .Sum(c => Math.Pow(c.StandardUncertaintyPercent, 4) / c.DegreesOfFreedom);
        EffectiveDegreesOfFreedom = denominator == 0 ? double.PositiveInfinity : Math.Pow(CombinedPercent, 4) / denominator;
        CoverageFactor = CoverageFactorFor(EffectiveDegreesOfFreedom);
        ExpandedPercent = CoverageFactor * CombinedPercent;
    }

    public IReadOnlyList<UncertaintyComponent> Components { get; }

    public double CombinedPercent { get; }

    public double EffectiveDegreesOfFreedom { get; }

    public double CoverageFactor { get; }

    /// <summary>U, the expanded uncertainty (about 95 % coverage).</summary>
    public double ExpandedPercent { get; }

    /// <summary>TUR = TL / U for a symmetric ±TL (decision-rules.md §4); infinite when U is 0.</summary>
    public double Tur(double limitPercent) => ExpandedPercent == 0 ? double.PositiveInfinity : limitPercent / ExpandedPercent;

    /// <summary>k for 95.45 % coverage: 2 for large ν, Student's t quantile below <see cref="DegreesOfFreedomForK2"/>.</summary>
    public static double CoverageFactorFor(double degreesOfFreedom) =>
        !double.IsFinite(degreesOfFreedom) || degreesOfFreedom >= DegreesOfFreedomForK2
            ? 2
            : StudentT.InvCDF(0, 1, Math.Max(1, Math.Floor(degreesOfFreedom)), 0.5 + (0.9545 / 2));
}
