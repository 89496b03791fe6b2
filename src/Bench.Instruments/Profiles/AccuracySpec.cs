namespace Bench.Instruments.Profiles;

/// <summary>
/// Energy (or power) accuracy of a reference standard for an uncertainty budget: the stated interval at PF 1 and PF 0.5,
/// with the coverage factor the maker states it at (k = 2 normal, or k = √3 for a rectangular "maximum error").
/// </summary>
public sealed record AccuracySpec(AccuracyTerm AtUnityPowerFactor, AccuracyTerm AtHalfPowerFactor, double CoverageFactor, string Distribution)
{
    /// <summary>The stated half-width for |PF|, interpolated linearly in PF between 0.5 and 1 (worst case below 0.5), in ppm of reading.</summary>
    public double HalfWidthPpm(double powerFactor, double reading, double range)
    {
        var pf = Math.Clamp(Math.Abs(powerFactor), 0, 1);
        var at1 = AtUnityPowerFactor.RelativePpm(reading, range);
        var at05 = AtHalfPowerFactor.RelativePpm(reading, range);
        if (pf <= 0.5)
        {
            return at05;
        }

        var w = (pf - 0.5) / 0.5;
        return (w * at1) + ((1 - w) * at05);
    }

    /// <summary>The standard uncertainty (k = 1) relative to the reading, in ppm.</summary>
    public double StandardUncertaintyPpm(double powerFactor, double reading, double range) =>
        HalfWidthPpm(powerFactor, reading, range) / CoverageFactor;
}
