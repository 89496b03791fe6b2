namespace Bench.Standards.Uncertainty;

/// <summary>
/// One line of a GUM budget, relative (in percent of the measured energy): what it is, how it is known, the stated
/// value (a half-width, an expanded U with its k, or a standard deviation) and the standard uncertainty it gives.
/// </summary>
public sealed record UncertaintyComponent(string Name, Distribution Distribution, double StatedPercent, double StandardUncertaintyPercent)
{
    /// <summary>Degrees of freedom; infinite for Type B inputs taken as exactly known.</summary>
    public double DegreesOfFreedom { get; init; } = double.PositiveInfinity;

    public string Type => Distribution == Distribution.Observed ? "A" : "B";

    public static UncertaintyComponent Rectangular(string name, double halfWidthPercent) =>
        new(name, Distribution.Rectangular, halfWidthPercent, Math.Abs(halfWidthPercent) / Math.Sqrt(3));

    public static UncertaintyComponent Triangular(string name, double halfWidthPercent) =>
        new(name, Distribution.Triangular, halfWidthPercent, Math.Abs(halfWidthPercent) / Math.Sqrt(6));

    public static UncertaintyComponent FromCertificate(string name, double expandedPercent, double coverageFactor) =>
        new(name, Distribution.Normal, expandedPercent, Math.Abs(expandedPercent) / coverageFactor);

    /// <summary>s = √(Σ(x − x̄)² / (n − 1)) of at least two observations (GUM 4.2.2).</summary>
    public static double ExperimentalStandardDeviation(IReadOnlyList<double> observations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations.Count, 2);
        var mean = observations.Average();
        return Math.Sqrt(observations.Sum(x => (x - mean) * (x - mean)) / (observations.Count - 1));
    }

    /// <summary>Type A from n repeated errors: s/√n with n − 1 degrees of freedom.</summary>
    public static UncertaintyComponent Repeatability(string name, IReadOnlyList<double> observations)
    {
        var s = ExperimentalStandardDeviation(observations);
        return new UncertaintyComponent(name, Distribution.Observed, s, s / Math.Sqrt(observations.Count))
        {
            DegreesOfFreedom = observations.Count - 1,
        };
    }
}
