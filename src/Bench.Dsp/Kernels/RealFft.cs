using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Bench.Dsp.Kernels;

/// <summary>
/// Forward FFT of a real sequence whose length is a power of two, through a half-length complex radix-2 FFT.
/// Tables are built once per size; <see cref="Forward"/> allocates nothing.
/// </summary>
public sealed class RealFft
{
    private readonly int _n;
    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _stageCos;
    private readonly double[] _stageSin;

    public RealFft(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "the FFT size is a power of two, at least 4");
        }

        _n = size;
        _half = size / 2;
        var bits = (int)Math.Log2(_half);
        _bitReverse = new int[_half];
        for (var i = 0; i < _half; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }

        // Twiddles e^{-j2πk/N} for k < N/2 serve both the half-size FFT (even k) and the real split.
        _cos = new double[_half];
        _sin = new double[_half];
        for (var k = 0; k < _half; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = -Math.Sin(2 * Math.PI * k / size);
        }

        // Per-stage twiddles, contiguous: for butterfly span h, e^{-jπk/h} (k < h) at [h + k].
        _stageCos = new double[Math.Max(2, _half)];
        _stageSin = new double[Math.Max(2, _half)];
        for (var h = 1; h < _half; h *= 2)
        {
            for (var k = 0; k < h; k++)
            {
                _stageCos[h + k] = Math.Cos(Math.PI * k / h);
                _stageSin[h + k] = -Math.Sin(Math.PI * k / h);
            }
        }

        _re = new double[_half];
        _im = new double[_half];
    }

    public int Size => _n;

    /// <summary>
    /// X[k] = Σ x[n]·e^{−j2πkn/N} for k = 0..N/2 (N/2 + 1 bins; X[N/2] real). Writes <paramref name="re"/> and
    /// <paramref name="im"/>, each at least N/2 + 1 long.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(re.Length, _half + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(im.Length, _half + 1);
        ref var zr = ref MemoryMarshal.GetArrayDataReference(_re);
        ref var zi = ref MemoryMarshal.GetArrayDataReference(_im);
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var rev = ref MemoryMarshal.GetArrayDataReference(_bitReverse);
        // Spans 1 and 2 have the trivial twiddles 1 and −j: one combined pass without multiplications, reading its
        // inputs in bit-reversed order straight from x (the permutation is its own inverse).
        var h = 1;
        if (_half >= 4)
        {
            for (var a = 0; a < _half; a += 4)
            {
                ref var r = ref Unsafe.Add(ref zr, a);
                ref var m = ref Unsafe.Add(ref zi, a);
                ref var x0 = ref Unsafe.Add(ref xs, 2 * Unsafe.Add(ref rev, a));
                ref var x1 = ref Unsafe.Add(ref xs, 2 * Unsafe.Add(ref rev, a + 1));
                ref var x2 = ref Unsafe.Add(ref xs, 2 * Unsafe.Add(ref rev, a + 2));
                ref var x3 = ref Unsafe.Add(ref xs, 2 * Unsafe.Add(ref rev, a + 3));
                double r0 = x0, i0 = Unsafe.Add(ref x0, 1), r1 = x1, i1 = Unsafe.Add(ref x1, 1);
                double r2 = x2, i2 = Unsafe.Add(ref x2, 1), r3 = x3, i3 = Unsafe.Add(ref x3, 1);
                double ar = r0 + r1, ai = i0 + i1, br = r0 - r1, bi = i0 - i1;
                double cr = r2 + r3, ci = i2 + i3, dr = r2 - r3, di = i2 - i3;
                r = ar + cr;
                m = ai + ci;
                Unsafe.Add(ref r, 2) = ar - cr;
                Unsafe.Add(ref m, 2) = ai - ci;

                // (dr + j·di)·(−j) = di − j·dr
                Unsafe.Add(ref r, 1) = br + di;
                Unsafe.Add(ref m, 1) = bi - dr;
                Unsafe.Add(ref r, 3) = br - di;
                Unsafe.Add(ref m, 3) = bi + dr;
            }

            h = 4;
        }
        else
        {
            for (var i = 0; i < _half; i++)
            {
                var j = Unsafe.Add(ref rev, i);
                Unsafe.Add(ref zr, j) = Unsafe.Add(ref xs, 2 * i);
                Unsafe.Add(ref zi, j) = Unsafe.Add(ref xs, (2 * i) + 1);
            }
        }

        Butterflies(h);

        // Split: X[k] = E[k] + W^k·O[k], with E, O from Z[k] and conj(Z[N/2 − k]).
        re[0] = zr + zi;
        im[0] = 0;
        re[_half] = zr - zi;
        im[_half] = 0;
        ref var ro = ref MemoryMarshal.GetReference(re);
        ref var io = ref MemoryMarshal.GetReference(im);
        ref var cos = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref var sin = ref MemoryMarshal.GetArrayDataReference(_sin);
        var k = 1;
        if (Avx2.IsSupported)
        {
            // Four bins at a time; Z[N/2 − k] for k … k+3 is a reversed 4-wide load.
            var half = Vector256.Create(0.5);
            for (; k + 3 < _half; k += 4)
            {
                var zrk = Vector256.LoadUnsafe(ref zr, (nuint)k);
                var zik = Vector256.LoadUnsafe(ref zi, (nuint)k);
                var cr = Avx2.Permute4x64(Vector256.LoadUnsafe(ref zr, (nuint)(_half - k - 3)), 0x1B);
                var ci = -Avx2.Permute4x64(Vector256.LoadUnsafe(ref zi, (nuint)(_half - k - 3)), 0x1B);
                var er = half * (zrk + cr);
                var ei = half * (zik + ci);
                var or = half * (zik - ci);
                var oi = -(half * (zrk - cr));
                var wr = Vector256.LoadUnsafe(ref cos, (nuint)k);
                var wi = Vector256.LoadUnsafe(ref sin, (nuint)k);
                (er + ((or * wr) - (oi * wi))).StoreUnsafe(ref ro, (nuint)k);
                (ei + ((or * wi) + (oi * wr))).StoreUnsafe(ref io, (nuint)k);
            }
        }

        for (; k < _half; k++)
        {
            var cr = Unsafe.Add(ref zr, _half - k);
            var ci = -Unsafe.Add(ref zi, _half - k);
            var zrk = Unsafe.Add(ref zr, k);
            var zik = Unsafe.Add(ref zi, k);
            var er = 0.5 * (zrk + cr);
            var ei = 0.5 * (zik + ci);
            var or = 0.5 * (zik - ci);
            var oi = -0.5 * (zrk - cr);
            var wr = Unsafe.Add(ref cos, k);
            var wi = Unsafe.Add(ref sin, k);
            Unsafe.Add(ref ro, k) = er + ((or * wr) - (oi * wi));
            Unsafe.Add(ref io, k) = ei + ((or * wi) + (oi * wr));
        }
    }

    /// <summary>Radix-2 stages from span <paramref name="h"/> up; four butterflies per step where the span allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Butterflies(int h)
    {
        ref var zr = ref MemoryMarshal.GetArrayDataReference(_re);
        ref var zi = ref MemoryMarshal.GetArrayDataReference(_im);
        ref var sc = ref MemoryMarshal.GetArrayDataReference(_stageCos);
        ref var ss = ref MemoryMarshal.GetArrayDataReference(_stageSin);
        var vector = Vector256.IsHardwareAccelerated;
        for (; h < _half; h *= 2)
        {
            for (var start = 0; start < _half; start += 2 * h)
            {
                var k = 0;
                if (vector)
                {
                    for (; k + 4 <= h; k += 4)
                    {
                        var a = (nuint)(start + k);
                        var b = a + (nuint)h;
                        var w = (nuint)(h + k);
                        var wr = Vector256.LoadUnsafe(ref sc, w);
                        var wi = Vector256.LoadUnsafe(ref ss, w);
                        var br = Vector256.LoadUnsafe(ref zr, b);
                        var bi = Vector256.LoadUnsafe(ref zi, b);
                        var tr = (br * wr) - (bi * wi);
                        var ti = (br * wi) + (bi * wr);
                        var ar = Vector256.LoadUnsafe(ref zr, a);
                        var ai = Vector256.LoadUnsafe(ref zi, a);
                        (ar - tr).StoreUnsafe(ref zr, b);
                        (ai - ti).StoreUnsafe(ref zi, b);
                        (ar + tr).StoreUnsafe(ref zr, a);
                        (ai + ti).StoreUnsafe(ref zi, a);
                    }
                }

                for (; k < h; k++)
                {
                    var wr = Unsafe.Add(ref sc, h + k);
                    var wi = Unsafe.Add(ref ss, h + k);
                    var a = start + k;
                    var b = a + h;
                    var br = Unsafe.Add(ref zr, b);
                    var bi = Unsafe.Add(ref zi, b);
                    var tr = (br * wr) - (bi * wi);
                    var ti = (br * wi) + (bi * wr);
                    var ar = Unsafe.Add(ref zr, a);
                    var ai = Unsafe.Add(ref zi, a);
                    Unsafe.Add(ref zr, b) = ar - tr;
                    Unsafe.Add(ref zi, b) = ai - ti;
                    Unsafe.Add(ref zr, a) = ar + tr;
                    Unsafe.Add(ref zi, a) = ai + ti;
                }
            }
        }
    }
}
