using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    public LagrangeWeights(int capacity)
    {
        _capacity = capacity;
        _index = new int[capacity];
        _w = new double[6 * capacity];
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
        var cap = (nuint)_capacity;
        var m = 0;
        if (Vector256.IsHardwareAccelerated)
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
                var i = Vector256.ConvertToInt64(fl);
                Unsafe.Add(ref index, m) = (int)i.GetElement(0);
                Unsafe.Add(ref index, m + 1) = (int)i.GetElement(1);
                Unsafe.Add(ref index, m + 2) = (int)i.GetElement(2);
                Unsafe.Add(ref index, m + 3) = (int)i.GetElement(3);
                var up1 = u + one;
                var up2 = u + two;
                var um1 = u - one;
                var um2 = u - two;
                var um3 = u - three;
                var ab = u * um1 * (um2 * um3);
                var ca = up2 * up1 * (u * um1);
                var cb = up2 * up1 * (um2 * um3);
                var at = (nuint)m;
                (-(up1 * ab) / 120).StoreUnsafe(ref w, at);
                (up2 * ab / 24).StoreUnsafe(ref w, cap + at);
                (-(cb * um1) / 12).StoreUnsafe(ref w, (2 * cap) + at);
                (cb * u / 12).StoreUnsafe(ref w, (3 * cap) + at);
                (-(ca * um3) / 24).StoreUnsafe(ref w, (4 * cap) + at);
                (ca * um2 / 120).StoreUnsafe(ref w, (5 * cap) + at);
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
            var at = (nuint)m;
            Unsafe.Add(ref w, at) = -(up1 * ab) / 120;
            Unsafe.Add(ref w, cap + at) = up2 * ab / 24;
            Unsafe.Add(ref w, (2 * cap) + at) = -(cb * um1) / 12;
            Unsafe.Add(ref w, (3 * cap) + at) = cb * u / 12;
            Unsafe.Add(ref w, (4 * cap) + at) = -(ca * um3) / 24;
            Unsafe.Add(ref w, (5 * cap) + at) = ca * um2 / 120;
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
        ref var w0 = ref MemoryMarshal.GetArrayDataReference(_w);
        ref var w1 = ref Unsafe.Add(ref w0, _capacity);
        ref var w2 = ref Unsafe.Add(ref w1, _capacity);
        ref var w3 = ref Unsafe.Add(ref w2, _capacity);
        ref var w4 = ref Unsafe.Add(ref w3, _capacity);
        ref var w5 = ref Unsafe.Add(ref w4, _capacity);
        for (var m = 0; m < count; m++)
        {
            ref var y = ref Unsafe.Add(ref x0, Unsafe.Add(ref index, m) - 2);
            var near = (y * Unsafe.Add(ref w0, m)) + (Unsafe.Add(ref y, 1) * Unsafe.Add(ref w1, m)) + (Unsafe.Add(ref y, 2) * Unsafe.Add(ref w2, m));
            var far = (Unsafe.Add(ref y, 3) * Unsafe.Add(ref w3, m)) + (Unsafe.Add(ref y, 4) * Unsafe.Add(ref w4, m)) + (Unsafe.Add(ref y, 5) * Unsafe.Add(ref w5, m));
            Unsafe.Add(ref o, m) = near + far;
        }
    }
}
