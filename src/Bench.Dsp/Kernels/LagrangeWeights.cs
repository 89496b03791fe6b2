using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Bench.Dsp.Kernels;

/// <summary>
/// The six-point Lagrange weights of a resampling grid start + m·step, computed once and applied to many channels:
/// every channel of a basic interval is resampled on the same grid, so the basis polynomials (most of the work) are
/// evaluated once per interval instead of once per channel. Same values as <see cref="LagrangeResampler.Resample"/>.
/// </summary>
public sealed class LagrangeWeights
{
    private readonly int[] _index;
    private readonly double[] _w;
    private readonly int _capacity;

    // Per output: w(−2) … w(+3) and two zeros, so that two 4-wide products cover the six taps.
    private const int Stride = 8;

    // Reciprocals of the basis denominators: a multiply instead of a divide (last-bit differences only).
    private const double Inv12 = 1.0 / 12;
    private const double Inv24 = 1.0 / 24;
    private const double Inv120 = 1.0 / 120;

    public LagrangeWeights(int capacity)
    {
        _capacity = capacity;
        _index = new int[capacity];
        _w = new double[Stride * capacity];
    }

    public int Count { get; private set; }

    public double Start { get; private set; } = double.NaN;

    public double Step { get; private set; } = double.NaN;

    /// <summary>Evaluates the weights of <paramref name="count"/> positions start + m·step (start ≥ 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Prepare(double start, double step, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _capacity);
        if (start < LagrangeResampler.MarginBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "the interpolator needs margins around every position");
        }

        Start = start;
        Step = step;
        Count = count;
        ref var w = ref MemoryMarshal.GetArrayDataReference(_w);
        ref var index = ref MemoryMarshal.GetArrayDataReference(_index);
        var m = 0;
        if (Avx.IsSupported)
        {
            var lanes = Vector256.Create(0.0, 1, 2, 3);
            var one = Vector256.Create(1.0);
            var two = Vector256.Create(2.0);
            var three = Vector256.Create(3.0);
            for (; m + 4 <= count; m += 4)
            {
                var t = Vector256.Create(start + (m * step)) + (lanes * step);
                var fl = Vector256.Floor(t);
                var u = t - fl;
                var up1 = u + one;
                var up2 = u + two;
                var um1 = u - one;
                var um2 = u - two;
                var um3 = u - three;
                var ab = u * um1 * (um2 * um3);
                var ca = up2 * up1 * (u * um1);
                var cb = up2 * up1 * (um2 * um3);
                var lm2 = -(up1 * ab) * Inv120;
                var lm1 = up2 * ab * Inv24;
                var l0 = -(cb * um1) * Inv12;
                var l1 = cb * u * Inv12;
                var l2 = -(ca * um3) * Inv24;
                var l3 = ca * um2 * Inv120;
                Avx.ConvertToVector128Int32WithTruncation(fl).StoreUnsafe(ref index, (nuint)m);

                // Lanes are outputs; rows of the table are outputs: transpose 4×4 (taps −2…+1) and 4×2 (+2, +3).
                var t0 = Avx.UnpackLow(lm2, lm1);
                var t1 = Avx.UnpackHigh(lm2, lm1);
                var t2 = Avx.UnpackLow(l0, l1);
                var t3 = Avx.UnpackHigh(l0, l1);
                var s0 = Avx.UnpackLow(l2, l3);
                var s1 = Avx.UnpackHigh(l2, l3);
                var zero = Vector256<double>.Zero;
                var row = (nuint)(m * Stride);
                Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref w, row);
                Avx.Permute2x128(s0, zero, 0x20).StoreUnsafe(ref w, row + 4);
                Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref w, row + Stride);
                Avx.Permute2x128(s1, zero, 0x20).StoreUnsafe(ref w, row + Stride + 4);
                Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref w, row + (2 * Stride));
                Avx.Permute2x128(s0, zero, 0x31).StoreUnsafe(ref w, row + (2 * Stride) + 4);
                Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref w, row + (3 * Stride));
                Avx.Permute2x128(s1, zero, 0x31).StoreUnsafe(ref w, row + (3 * Stride) + 4);
            }
        }

        for (; m < count; m++)
        {
            var t = start + (m * step);
            var i = (int)t;
            var u = t - i;
            Unsafe.Add(ref index, m) = i;
            double up1 = u + 1, up2 = u + 2, um1 = u - 1, um2 = u - 2, um3 = u - 3;
            var ab = u * um1 * (um2 * um3);
            var ca = up2 * up1 * (u * um1);
            var cb = up2 * up1 * (um2 * um3);
            ref var o = ref Unsafe.Add(ref w, m * Stride);
            o = -(up1 * ab) * Inv120;
            Unsafe.Add(ref o, 1) = up2 * ab * Inv24;
            Unsafe.Add(ref o, 2) = -(cb * um1) * Inv12;
            Unsafe.Add(ref o, 3) = cb * u * Inv12;
            Unsafe.Add(ref o, 4) = -(ca * um3) * Inv24;
            Unsafe.Add(ref o, 5) = ca * um2 * Inv120;
        }
    }

    /// <summary>Writes the <see cref="Count"/> interpolated values of <paramref name="x"/> into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<double> x, Span<double> output)
    {
        var count = Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, count);
        if (count == 0)
        {
            return;
        }

        if (_index[count - 1] + LagrangeResampler.MarginAfter >= x.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x.Length, "the interpolator needs margins around every position");
        }

        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var o = ref MemoryMarshal.GetReference(output);
        ref var index = ref MemoryMarshal.GetArrayDataReference(_index);
        ref var w = ref MemoryMarshal.GetArrayDataReference(_w);
        var m = 0;
        if (Avx.IsSupported)
        {
            // Four outputs: each is two 4-wide products (taps −2…+1 and +2, +3 with zero weights on the next two
            // samples), and two horizontal adds with a lane swap sum the four at once. Stops where those two extra
            // samples would run past the end of x.
            while (m + 4 <= count && Unsafe.Add(ref index, m + 3) + 5 < x.Length)
            {
                var p0 = Taps(ref x0, ref index, ref w, m);
                var p1 = Taps(ref x0, ref index, ref w, m + 1);
                var p2 = Taps(ref x0, ref index, ref w, m + 2);
                var p3 = Taps(ref x0, ref index, ref w, m + 3);
                var h01 = Avx.HorizontalAdd(p0, p1);
                var h23 = Avx.HorizontalAdd(p2, p3);
                var sum = Avx.Permute2x128(h01, h23, 0x20) + Avx.Permute2x128(h01, h23, 0x31);
                sum.StoreUnsafe(ref o, (nuint)m);
                m += 4;
            }
        }

        for (; m < count; m++)
        {
            ref var y = ref Unsafe.Add(ref x0, Unsafe.Add(ref index, m) - 2);
            ref var c = ref Unsafe.Add(ref w, m * Stride);
            var near = (y * c) + (Unsafe.Add(ref y, 1) * Unsafe.Add(ref c, 1)) + (Unsafe.Add(ref y, 2) * Unsafe.Add(ref c, 2));
            var far = (Unsafe.Add(ref y, 3) * Unsafe.Add(ref c, 3)) + (Unsafe.Add(ref y, 4) * Unsafe.Add(ref c, 4)) + (Unsafe.Add(ref y, 5) * Unsafe.Add(ref c, 5));
            Unsafe.Add(ref o, m) = near + far;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Taps(ref double x0, ref int index, ref double w, int m)
    {
        var at = (nuint)(Unsafe.Add(ref index, m) - 2);
        var c = (nuint)(m * Stride);
        return (Vector256.LoadUnsafe(ref x0, at) * Vector256.LoadUnsafe(ref w, c))
            + (Vector256.LoadUnsafe(ref x0, at + 4) * Vector256.LoadUnsafe(ref w, c + 4));
    }
}
