namespace Bench.Dsp.Kernels;

/// <summary>
/// Means and DFT bins over a window that is a whole number of signal cycles long but not a whole number of samples
/// (non-coherent sampling). The window [0, L] (L in samples, not an integer) is integrated by the trapezoid rule with a
/// linearly interpolated last partial interval. For a periodic integrand over whole periods the trapezoid terms at both
/// ends cancel to second order, so the truncation error is O(h³·ε) instead of the O(ε/L) of a rounded sample count.
/// </summary>
public static class FractionalWindow
{
    /// <summary>Samples the window of <paramref name="length"/> samples reads: floor(L) + 2.</summary>
    public static int SamplesNeeded(double length) => (int)Math.Floor(length) + 2;

    /// <summary>Weight of sample <paramref name="n"/> in the trapezoid-with-partial-end rule (L ≥ 1); the weights sum to L.</summary>
    public static double Weight(int n, double length)
    {
        var k = (int)Math.Floor(length);
        var e = length - k;
        return n switch
        {
            < 0 => 0,
            0 => 0.5,
            _ when n < k => 1,
            _ when n == k => 0.5 + e - (e * e / 2),
            _ when n == k + 1 => e * e / 2,
            _ => 0,
        };
    }

    /// <summary>
    /// Weights of the linear-interpolation integral over [<paramref name="a"/>, <paramref name="b"/>] (fractional sample
    /// positions, b − a ≥ 1): weights[j] belongs to sample floor(a) + j. Returns how many weights it wrote.
    /// </summary>
    public static int Weights(double a, double b, Span<double> weights)
    {
        var i0 = (int)Math.Floor(a);
        var i1 = (int)Math.Floor(b);
        var count = i1 - i0 + 2;
        ArgumentOutOfRangeException.ThrowIfLessThan(weights.Length, count);
        weights[..count].Clear();
        for (var m = i0; m <= i1; m++)
        {
            var alpha = Math.Max(a - m, 0);
            var beta = Math.Min(b - m, 1);
            if (beta <= alpha)
            {
                continue;
            }

            var sq = ((beta * beta) - (alpha * alpha)) / 2;
            weights[m - i0] += beta - alpha - sq;
            weights[m - i0 + 1] += sq;
        }

        return count;
    }

    /// <summary>Mean of x·y over the window.</summary>
    public static double MeanProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double length)
    {
        var (k, e) = Split(length, x.Length, y.Length);
        double sum = 0;
        for (var n = 1; n < k; n++)
        {
            sum += x[n] * y[n];
        }

        sum += 0.5 * x[0] * y[0];
        sum += (0.5 + e - (e * e / 2)) * x[k] * y[k];
        if (e > 0)
        {
            sum += e * e / 2 * x[k + 1] * y[k + 1];
        }

        return sum / length;
    }

    /// <summary>Mean of x² over the window.</summary>
    public static double MeanSquare(ReadOnlySpan<double> x, double length) => MeanProduct(x, x, length);

    /// <summary>
    /// RMS phasor (Re, Im) of the component at <paramref name="cyclesPerSample"/> (f/fs), referred to sin(ωt):
    /// x = √2·|X|·sin(ωt + arg X). Exact for any component whose frequency is a multiple of 1/L.
    /// </summary>
    public static (double Re, double Im) Phasor(ReadOnlySpan<double> x, double cyclesPerSample, double length)
    {
        var (k, e) = Split(length, x.Length, x.Length);
        var w = 2 * Math.PI * cyclesPerSample;
        double re = 0, im = 0;
        var last = e > 0 ? k + 1 : k;
        for (var n = 0; n <= last; n++)
        {
            var weight = n == 0 ? 0.5 : n < k ? 1 : n == k ? 0.5 + e - (e * e / 2) : e * e / 2;
            var (s, c) = Math.SinCos(w * n);
            re += weight * x[n] * s;
            im += weight * x[n] * c;
        }

        var scale = Math.Sqrt(2) / length;
        return (re * scale, im * scale);
    }

    private static (int K, double E) Split(double length, int xLength, int yLength)
    {
        if (!(length >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "a window spans at least one sample interval");
        }

        var k = (int)Math.Floor(length);
        var e = length - k;
        var needed = e > 0 ? k + 2 : k + 1;
        if (xLength < needed || yLength < needed)
        {
            throw new ArgumentException($"a window of {length} samples needs {needed} samples, got {Math.Min(xLength, yLength)}");
        }

        return (k, e);
    }
}
