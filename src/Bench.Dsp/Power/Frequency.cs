namespace Bench.Dsp.Power;

/// <summary>Frequency from the positive-going zero crossings of a voltage, located by cubic interpolation.</summary>
public static class Frequency
{
    /// <summary>
    /// Whole cycles between the first and last positive-going crossing, divided by the time between them; NaN under two
    /// crossings. A crossing counts only after the signal has been below −10 % of its peak (hysteresis against noise).
    /// </summary>
    public static double FromZeroCrossings(ReadOnlySpan<double> samples, double sampleRateHz)
    {
        var (first, last, cycles) = Crossings(samples);
        return cycles < 1 ? double.NaN : cycles * sampleRateHz / (last - first);
    }

    /// <summary>First and last positive-going crossing (in fractional samples) and the whole cycles between them.</summary>
    public static (double First, double Last, int Cycles) Crossings(ReadOnlySpan<double> samples)
    {
        double peak = 0;
        foreach (var x in samples)
        {
            peak = Math.Max(peak, Math.Abs(x));
        }

        double first = double.NaN, last = double.NaN;
        var cycles = -1;
        if (peak == 0)
        {
            return (first, last, cycles);
        }

        var arm = -0.1 * peak;
        var armed = false;
        for (var n = 1; n < samples.Length; n++)
        {
            if (samples[n - 1] < arm)
            {
                armed = true;
            }

            if (armed && samples[n - 1] < 0 && samples[n] >= 0)
            {
                var t = Locate(samples, n);
                if (double.IsNaN(first))
                {
                    first = t;
                }

                last = t;
                cycles++;
                armed = false;
            }
        }

        return (first, last, cycles);
    }

    /// <summary>Root between samples n−1 and n: linear guess refined by Newton steps on the cubic through n−2..n+1.</summary>
    internal static double Locate(ReadOnlySpan<double> x, int n)
    {
        var linear = x[n - 1] / (x[n - 1] - x[n]);
        if (n < 2 || n + 1 >= x.Length)
        {
            return n - 1 + linear;
        }

        // Lagrange cubic on nodes −1, 0, 1, 2 (relative to n−1).
        double a = x[n - 2], b = x[n - 1], c = x[n], d = x[n + 1];
        var mu = linear;
        for (var i = 0; i < 4; i++)
        {
            var (v, dv) = Cubic(a, b, c, d, mu);
            if (dv == 0)
            {
                break;
            }

            var step = v / dv;
            mu -= step;
            if (Math.Abs(step) < 1e-12)
            {
                break;
            }
        }

        return mu is >= 0 and <= 1 ? n - 1 + mu : n - 1 + linear;
    }

    private static (double Value, double Derivative) Cubic(double a, double b, double c, double d, double t)
    {
        // Basis on nodes −1, 0, 1, 2.
        var la = -t * (t - 1) * (t - 2) / 6;
        var lb = (t + 1) * (t - 1) * (t - 2) / 2;
        var lc = -(t + 1) * t * (t - 2) / 2;
        var ld = (t + 1) * t * (t - 1) / 6;
        var da = -((3 * t * t) - (6 * t) + 2) / 6;
        var db = ((3 * t * t) - (4 * t) - 1) / 2;
        var dc = -((3 * t * t) - (2 * t) - 2) / 2;
        var dd = ((3 * t * t) - 1) / 6;
        return ((a * la) + (b * lb) + (c * lc) + (d * ld), (a * da) + (b * db) + (c * dc) + (d * dd));
    }
}
