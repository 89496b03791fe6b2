namespace Bench.Instruments.Profiles;

/// <summary>A maker's accuracy statement ±(ppm of reading + ppm of range), the usual shape in power-standard data sheets.</summary>
public sealed record AccuracyTerm(double PpmOfReading, double PpmOfRange)
{
    public static AccuracyTerm FromPercent(double percentOfReading, double percentOfRange = 0) =>
        new(percentOfReading * 1e4, percentOfRange * 1e4);

    /// <summary>Half-width of the interval relative to the reading, in ppm, at <paramref name="reading"/> on <paramref name="range"/>.</summary>
    public double RelativePpm(double reading, double range)
    {
        if (reading == 0)
        {
            return double.PositiveInfinity;
        }

        return PpmOfReading + (PpmOfRange * Math.Abs(range / reading));
    }

    /// <summary>Half-width relative to the reading in percent, at full range (the range term then counts fully).</summary>
    public double PercentAtFullRange => (PpmOfReading + PpmOfRange) / 1e4;
}
