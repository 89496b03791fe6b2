using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Bench.Dsp.Kernels;

/// <summary>
/// Six-point Lagrange interpolation at fractional sample positions. Its amplitude error for a sinusoid of ω rad/sample
/// is about 0.005·ω⁶: 0.03 % for the 50th harmonic at 512 samples per cycle (ω = 0.61).
/// </summary>
public static class LagrangeResampler
{
    /// <summary>Left margin (samples before floor(t)) the interpolator reads.</summary>
    public const int MarginBefore = 2;

    /// <summary>Right margin (samples after floor(t)) the interpolator reads.</summary>
    public const int MarginAfter = 3;

    /// <summary>
    /// Writes <paramref name="output"/>.Length values x(start + m·step); positions are in samples of
    /// <paramref name="x"/>, which must hold the margins around every position.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Resample(ReadOnlySpan<double> x, double start, double step, Span<double> output)
    {
        var last = start + ((output.Length - 1) * step);
        if (output.Length == 0)
        {
            return;
        }

        if (start < MarginBefore || (int)last + MarginAfter >= x.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "the interpolator needs margins around every position");
        }

        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var o0 = ref MemoryMarshal.GetReference(output);
        var m = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            m = ResampleVector(ref x0, ref o0, start, step, output.Length);
        }

        for (; m < output.Length; m++)
        {
            var t = start + (m * step);
            var i = (int)t;
            var u = t - i;
            ref var y = ref Unsafe.Add(ref x0, i - 2);
            var up2 = u + 2;
            var up1 = u + 1;
            var um1 = u - 1;
            var um2 = u - 2;
            var um3 = u - 3;

            // Shared partial products of the six basis polynomials.
            var a = u * um1;        // u(u−1)
            var b = um2 * um3;      // (u−2)(u−3)
            var c = up2 * up1;      // (u+2)(u+1)
            var lm2 = -up1 * a * b / 120;
            var lm1 = up2 * a * b / 24;
            var l0 = -c * um1 * b / 12;
            var l1 = c * u * b / 12;
            var l2 = -c * a * um3 / 24;
            var l3 = c * a * um2 / 120;
            Unsafe.Add(ref o0, m) = (y * lm2) + (Unsafe.Add(ref y, 1) * lm1) + (Unsafe.Add(ref y, 2) * l0)
                + (Unsafe.Add(ref y, 3) * l1) + (Unsafe.Add(ref y, 4) * l2) + (Unsafe.Add(ref y, 5) * l3);
        }
    }

    /// <summary>Four outputs at a time: the basis weights in vector lanes, the samples gathered lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ResampleVector(ref double x0, ref double o0, double start, double step, int count)
    {
        var lanes = Vector256.Create(0.0, 1, 2, 3);
        var two = Vector256.Create(2.0);
        var three = Vector256.Create(3.0);
        var one = Vector256.Create(1.0);
        var m = 0;
        for (; m + 4 <= count; m += 4)
        {
            var t = Vector256.Create(start + (m * step)) + (lanes * step);
            var fl = Vector256.Floor(t);
            var u = t - fl;
            var i0 = (int)fl.GetElement(0);
            var i1 = (int)fl.GetElement(1);
            var i2 = (int)fl.GetElement(2);
            var i3 = (int)fl.GetElement(3);
            var up1 = u + one;
            var up2 = u + two;
            var um1 = u - one;
            var um2 = u - two;
            var um3 = u - three;
            var a = u * um1;
            var b = um2 * um3;
            var c = up2 * up1;
            var ab = a * b;
            var ca = c * a;
            var cb = c * b;
            var lm2 = -(up1 * ab) / 120;
            var lm1 = up2 * ab / 24;
            var l0 = -(cb * um1) / 12;
            var l1 = cb * u / 12;
            var l2 = -(ca * um3) / 24;
            var l3 = ca * um2 / 120;
            ref var y0 = ref Unsafe.Add(ref x0, i0 - 2);
            ref var y1 = ref Unsafe.Add(ref x0, i1 - 2);
            ref var y2 = ref Unsafe.Add(ref x0, i2 - 2);
            ref var y3 = ref Unsafe.Add(ref x0, i3 - 2);
            var sum = (Gather(ref y0, ref y1, ref y2, ref y3, 0) * lm2) + (Gather(ref y0, ref y1, ref y2, ref y3, 1) * lm1)
                + (Gather(ref y0, ref y1, ref y2, ref y3, 2) * l0) + (Gather(ref y0, ref y1, ref y2, ref y3, 3) * l1)
                + (Gather(ref y0, ref y1, ref y2, ref y3, 4) * l2) + (Gather(ref y0, ref y1, ref y2, ref y3, 5) * l3);
            sum.StoreUnsafe(ref o0, (nuint)m);
        }

        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(ref double y0, ref double y1, ref double y2, ref double y3, int k)
        => Vector256.Create(Unsafe.Add(ref y0, k), Unsafe.Add(ref y1, k), Unsafe.Add(ref y2, k), Unsafe.Add(ref y3, k));

    /// <summary>x(t) by the six-point Lagrange polynomial on nodes floor(t)−2 … floor(t)+3.</summary>
    public static double At(ReadOnlySpan<double> x, double t)
    {
        var i = (int)Math.Floor(t);
        var u = t - i;
        if (u == 0)
        {
            return x[i];
        }

        double ym2 = x[i - 2], ym1 = x[i - 1], y0 = x[i], y1 = x[i + 1], y2 = x[i + 2], y3 = x[i + 3];
        var up2 = u + 2;
        var up1 = u + 1;
        var um1 = u - 1;
        var um2 = u - 2;
        var um3 = u - 3;
        var lm2 = -u * up1 * um1 * um2 * um3 / 120;
        var lm1 = up2 * u * um1 * um2 * um3 / 24;
        var l0 = -up2 * up1 * um1 * um2 * um3 / 12;
        var l1 = up2 * up1 * u * um2 * um3 / 12;
        var l2 = -up2 * up1 * u * um1 * um3 / 24;
        var l3 = up2 * up1 * u * um1 * um2 / 120;
        return (ym2 * lm2) + (ym1 * lm1) + (y0 * l0) + (y1 * l1) + (y2 * l2) + (y3 * l3);
    }
}
