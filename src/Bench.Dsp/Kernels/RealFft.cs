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
    public void Forward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, _n);
        ArgumentOutOfRangeException.ThrowIfLessThan(re.Length, _half + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(im.Length, _half + 1);
        var zr = _re;
        var zi = _im;
        for (var i = 0; i < _half; i++)
        {
            var j = _bitReverse[i];
            zr[j] = x[2 * i];
            zi[j] = x[(2 * i) + 1];
        }

        var sc = _stageCos;
        var ss = _stageSin;
        for (var h = 1; h < _half; h *= 2)
        {
            for (var start = 0; start < _half; start += 2 * h)
            {
                for (var k = 0; k < h; k++)
                {
                    var wr = sc[h + k];
                    var wi = ss[h + k];
                    var a = start + k;
                    var b = a + h;
                    var br = zr[b];
                    var bi = zi[b];
                    var tr = (br * wr) - (bi * wi);
                    var ti = (br * wi) + (bi * wr);
                    var ar = zr[a];
                    var ai = zi[a];
                    zr[b] = ar - tr;
                    zi[b] = ai - ti;
                    zr[a] = ar + tr;
                    zi[a] = ai + ti;
                }
            }
        }

        // Split: X[k] = E[k] + W^k·O[k], with E, O from Z[k] and conj(Z[N/2 − k]).
        re[0] = zr[0] + zi[0];
        im[0] = 0;
        re[_half] = zr[0] - zi[0];
        im[_half] = 0;
        for (var k = 1; k < _half; k++)
        {
            var cr = zr[_half - k];
            var ci = -zi[_half - k];
            var er = 0.5 * (zr[k] + cr);
            var ei = 0.5 * (zi[k] + ci);
            var or = 0.5 * (zi[k] - ci);
            var oi = -0.5 * (zr[k] - cr);
            var wr = _cos[k];
            var wi = _sin[k];
            re[k] = er + ((or * wr) - (oi * wi));
            im[k] = ei + ((or * wi) + (oi * wr));
        }
    }
}
