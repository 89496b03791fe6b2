using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bench.Dsp.Kernels;

/// <summary>SIMD dot products over spans: the inner loops of every RMS and power value.</summary>
public static class SpanMath
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = Math.Min(x.Length, y.Length);
        var i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count * 4)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var v = 0;
            for (; v + 1 < xv.Length; v += 2)
            {
                acc0 += xv[v] * yv[v];
                acc1 += xv[v + 1] * yv[v + 1];
            }

            for (; v < xv.Length; v++)
            {
                acc0 += xv[v] * yv[v];
            }

            sum = Vector.Sum(acc0 + acc1);
            i = xv.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Largest |x| (0 for an empty span).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxMagnitude(ReadOnlySpan<double> x)
    {
        var i = 0;
        double max = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var acc = Vector<double>.Zero;
            foreach (var v in xv)
            {
                acc = Vector.Max(acc, Vector.Abs(v));
            }

            for (var k = 0; k < Vector<double>.Count; k++)
            {
                max = Math.Max(max, acc[k]);
            }

            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i]));
        }

        return max;
    }

    /// <summary>
    /// ∫ of the linear interpolation of x·y over [a, b] (fractional sample positions in x and y; b − a ≥ 1):
    /// the trapezoid rule with partial end intervals. Reads samples floor(a) … floor(b) + 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Integral(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b)
    {
        var i0 = (int)Math.Floor(a);
        var i1 = (int)Math.Floor(b);
        var alpha = a - i0;
        var beta = b - i1;

        // Full trapezoids over [i0+1, i1]: Σ g − (g_first + g_last)/2.
        var g0 = x[i0] * y[i0];
        var g1 = x[i0 + 1] * y[i0 + 1];
        var gl = x[i1] * y[i1];
        var gl1 = beta > 0 ? x[i1 + 1] * y[i1 + 1] : gl;
        var sum = Dot(x.Slice(i0 + 1, i1 - i0), y.Slice(i0 + 1, i1 - i0)) - (0.5 * (g1 + gl));

        // First partial [a, i0+1] and last partial [i1, b] of the linear interpolant.
        sum += Piece(g0, g1, alpha, 1);
        sum += Piece(gl, gl1, 0, beta);
        return sum;
    }

    /// <summary>∫_α^β of the line through (0, ga) and (1, gb).</summary>
    private static double Piece(double ga, double gb, double alpha, double beta)
        => ((beta - alpha) * ga) + (((beta * beta) - (alpha * alpha)) / 2 * (gb - ga));
}
