using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Bench.Dsp.Kernels;

namespace Bench.Dsp.Harmonics;

/// <summary>
/// The DFT at the bins of a window that is not a whole number of samples, Y[k] = Σ v[m]·e^{+j2πkm/L} (k &lt; bins,
/// m &lt; count, L real), by Bluestein's chirp-z algorithm: km = (k² + m² − (k−m)²)/2 turns the sum into a convolution
/// with the chirp e^{−jπn²/L}, done by FFTs of a power-of-two size ≥ count + bins − 1. Exact to rounding, like the
/// direct sum it replaces, at O(N log N) instead of O(bins·count). The chirp and its FFT depend only on L and count,
/// so they are computed once per window and shared by every channel.
/// </summary>
public sealed class ChirpSpectrum
{
    private readonly ComplexFft[] _ffts;
    private readonly double[] _chirpRe;
    private readonly double[] _chirpIm;
    private readonly double[] _filterRe;
    private readonly double[] _filterIm;
    private readonly double[] _workRe;
    private readonly double[] _workIm;
    private readonly int _bins;
    private ComplexFft? _fft;
    private double _length = double.NaN;
    private int _count = -1;

    public ChirpSpectrum(int maxCount, int bins)
    {
        _bins = bins;
        var max = 2;
        while (max < maxCount + bins - 1)
        {
            max *= 2;
        }

        // Sizes down to a quarter of the largest cover windows from 0.7× to 1.4× nominal length.
        _ffts = [.. new[] { max / 4, max / 2, max }.Where(n => n >= 2).Select(n => new ComplexFft(n))];
        var chirp = Math.Max(maxCount, bins);
        _chirpRe = new double[chirp];
        _chirpIm = new double[chirp];
        _filterRe = new double[max];
        _filterIm = new double[max];
        _workRe = new double[max];
        _workIm = new double[max];
    }

    /// <summary>Writes Y[0..bins) of <paramref name="v"/> over a window of <paramref name="length"/> samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ReadOnlySpan<double> v, double length, Span<double> yRe, Span<double> yIm)
    {
        var count = v.Length;
        if (length != _length || count != _count)
        {
            Prepare(length, count);
        }

        var fft = _fft!;
        var n = fft.Size;
        var ar = _workRe.AsSpan(0, n);
        var ai = _workIm.AsSpan(0, n);
        ref var cr = ref MemoryMarshal.GetArrayDataReference(_chirpRe);
        ref var ci = ref MemoryMarshal.GetArrayDataReference(_chirpIm);
        for (var m = 0; m < count; m++)
        {
            ar[m] = v[m] * Unsafe.Add(ref cr, m);
            ai[m] = v[m] * Unsafe.Add(ref ci, m);
        }

        ar[count..].Clear();
        ai[count..].Clear();
        fft.Forward(ar, ai);
        ref var hr = ref MemoryMarshal.GetArrayDataReference(_filterRe);
        ref var hi = ref MemoryMarshal.GetArrayDataReference(_filterIm);
        ref var wr = ref MemoryMarshal.GetReference(ar);
        ref var wi = ref MemoryMarshal.GetReference(ai);
        for (var k = 0; k < n; k++)
        {
            double xr = Unsafe.Add(ref wr, k), xi = Unsafe.Add(ref wi, k), fr = Unsafe.Add(ref hr, k), fi = Unsafe.Add(ref hi, k);
            Unsafe.Add(ref wr, k) = (xr * fr) - (xi * fi);
            Unsafe.Add(ref wi, k) = (xr * fi) + (xi * fr);
        }

        fft.Inverse(ar, ai);
        var scale = 1.0 / n;
        for (var k = 0; k < _bins; k++)
        {
            double xr = ar[k] * scale, xi = ai[k] * scale, pr = Unsafe.Add(ref cr, k), pi = Unsafe.Add(ref ci, k);
            yRe[k] = (xr * pr) - (xi * pi);
            yIm[k] = (xr * pi) + (xi * pr);
        }
    }

    private static double Reduce(double x, double modulus) => x - (Math.Floor(x / modulus) * modulus);

    private void Prepare(double length, int count)
    {
        _length = length;
        _count = count;
        var needed = count + _bins - 1;
        _fft = _ffts.FirstOrDefault(f => f.Size >= needed) ?? throw new ArgumentOutOfRangeException(nameof(count), count, "window longer than the spectrum was sized for");
        var n = _fft.Size;

        // c[m] = e^{+jπm²/L} by the recurrence c[m+1] = c[m]·r[m], r[m] = e^{jπ(2m+1)/L}, r[m+1] = r[m]·e^{j2π/L};
        // every 64 steps both restart from sin/cos of the phase reduced modulo 2π (m² modulo 2L), so rounding cannot build up.
        var span = Math.Max(count, _bins);
        var (s2, c2) = Math.SinCos(2 * Math.PI / length);
        double cr = 1, ci = 0, rr = 1, ri = 0;
        for (var m = 0; m < span; m++)
        {
            if ((m & 63) == 0)
            {
                (ci, cr) = Math.SinCos(Math.PI * Reduce((double)m * m, 2 * length) / length);
                (ri, rr) = Math.SinCos(Math.PI * Reduce((2.0 * m) + 1, 2 * length) / length);
            }

            _chirpRe[m] = cr;
            _chirpIm[m] = ci;
            (cr, ci) = ((cr * rr) - (ci * ri), (cr * ri) + (ci * rr));
            (rr, ri) = ((rr * c2) - (ri * s2), (rr * s2) + (ri * c2));
        }

        // Filter h[d] = e^{−jπd²/L} for d = −(count−1) … bins−1, laid out circularly.
        var hr = _filterRe.AsSpan(0, n);
        var hi = _filterIm.AsSpan(0, n);
        hr.Clear();
        hi.Clear();
        for (var d = 0; d < _bins; d++)
        {
            hr[d] = _chirpRe[d];
            hi[d] = -_chirpIm[d];
        }

        for (var d = 1; d < count; d++)
        {
            hr[n - d] = _chirpRe[d];
            hi[n - d] = -_chirpIm[d];
        }

        _fft.Forward(hr, hi);
    }
}
