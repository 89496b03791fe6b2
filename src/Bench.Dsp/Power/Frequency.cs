namespace Bench.Dsp.Power;

/// <summary>Frequency from the interpolated positive-going zero crossings of a voltage.</summary>
public static class Frequency
{
    /// <summary>Whole cycles between the first and last positive-going crossing, divided by the time between them; NaN under two crossings.</summary>
    public static double FromZeroCrossings(ReadOnlySpan<double> samples, double sampleRateHz)
    {
        double first = double.NaN, last = double.NaN;
        var cycles = -1;
        for (var n = 1; n < samples.Length; n++)
        {
            if (samples[n - 1] < 0 && samples[n] >= 0)
            {
                var t = (n - 1) + (samples[n - 1] / (samples[n - 1] - samples[n]));
                if (double.IsNaN(first))
                {
                    first = t;
                }

                last = t;
                cycles++;
            }
        }

        return cycles < 1 ? double.NaN : cycles * sampleRateHz / (last - first);
    }
}
