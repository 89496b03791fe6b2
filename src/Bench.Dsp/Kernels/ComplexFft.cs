using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Bench.Dsp.Kernels;

/// <summary>
/// In-place radix-2 FFT of a complex sequence (separate real and imaginary arrays) whose length is a power of two.
/// Forward: X[k] = Σ x[n]·e^{−j2πkn/N}; <see cref="Inverse"/> without the 1/N scale. Tables are built once; nothing is
/// allocated per call.
/// </summary>
public sealed class ComplexFft
{
    private readonly int _n;
    private readonly int[] _bitReverse;
    private readonly double[] _stageCos;
    private readonly double[] _stageSin;

    public ComplexFft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "the FFT size is a power of two, at least 2");
        }

        _n = size;
        var bits = (int)Math.Log2(size);
        _bitReverse = new int[size];
        for (var i = 0; i < size; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }

        // For butterfly span h, e^{−jπk/h} (k < h) at [h + k].
        _stageCos = new double[size];
        _stageSin = new double[size];
        for (var h = 1; h < size; h *= 2)
        {
            for (var k = 0; k < h; k++)
            {
                _stageCos[h + k] = Math.Cos(Math.PI * k / h);
                _stageSin[h + k] = -Math.Sin(Math.PI * k / h);
            }
        }
    }

    public int Size => _n;

    /// <summary>Forward transform in place.</summary>
    public void Forward(Span<double> re, Span<double> im) => Transform(re, im, conjugate: false);

    /// <summary>Inverse transform in place, unscaled: x[n] = Σ X[k]·e^{+j2πkn/N} (divide by N for the inverse DFT).</summary>
    public void Inverse(Span<double> re, Span<double> im) => Transform(re, im, conjugate: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Transform(Span<double> re, Span<double> im, bool conjugate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(re.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(im.Length, _n);
        ref var zr = ref MemoryMarshal.GetReference(re);
        ref var zi = ref MemoryMarshal.GetReference(im);
        ref var rev = ref MemoryMarshal.GetArrayDataReference(_bitReverse);
        for (var i = 0; i < _n; i++)
        {
            var j = Unsafe.Add(ref rev, i);
            if (j > i)
            {
                (Unsafe.Add(ref zr, i), Unsafe.Add(ref zr, j)) = (Unsafe.Add(ref zr, j), Unsafe.Add(ref zr, i));
                (Unsafe.Add(ref zi, i), Unsafe.Add(ref zi, j)) = (Unsafe.Add(ref zi, j), Unsafe.Add(ref zi, i));
            }
        }

        // The inverse is the forward transform with conjugated twiddles: e^{+jπk/h}.
        var sign = conjugate ? -1.0 : 1.0;
        ref var sc = ref MemoryMarshal.GetArrayDataReference(_stageCos);
        ref var ss = ref MemoryMarshal.GetArrayDataReference(_stageSin);
        var signs = Vector256.Create(sign);
        for (var h = 1; h < _n; h *= 2)
        {
            for (var start = 0; start < _n; start += 2 * h)
            {
                var k = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    for (; k + 4 <= h; k += 4)
                    {
                        var a = (nuint)(start + k);
                        var b = a + (nuint)h;
                        var w = (nuint)(h + k);
                        var wr = Vector256.LoadUnsafe(ref sc, w);
                        var wi = Vector256.LoadUnsafe(ref ss, w) * signs;
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
                    var wi = Unsafe.Add(ref ss, h + k) * sign;
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
