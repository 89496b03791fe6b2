using Bench.Dsp.Kernels;

namespace Bench.Dsp.Harmonics;

/// <summary>
/// The IEC 61000-4-7 spectrum of one basic interval: bins spaced 1/(window) (5 Hz for 10 cycles at 50 Hz or 12 at 60 Hz)
/// over a window of exactly C cycles of the measured frequency, also when that is not a whole number of samples.
/// High rates resample the window to a power of two by six-point Lagrange and use an FFT; low rates, where
/// interpolation would blur the upper harmonics, take the exact trapezoid-weighted DFT of the needed bins.
/// Phasors are RMS values referred to sin(ωt) at the window start; bin 0 holds the mean (DC).
/// </summary>
public sealed class IntervalSpectrum
{
    private readonly RealFft? _fft;
    private readonly double[] _resampled;
    private readonly double[] _fftRe;
    private readonly double[] _fftIm;
    private readonly double[] _weights;

    /// <param name="bins">Bins wanted, 0..bins−1 (e.g. C·(max order) + C/2 + 1).</param>
    /// <param name="maxSamplesPerWindow">Longest window, in samples, the caller will pass.</param>
    /// <param name="samplesPerCycle">Sampling rate in samples per nominal cycle.</param>
    /// <param name="maxOrder">Highest harmonic order that must stay accurate.</param>
    public IntervalSpectrum(int bins, int maxSamplesPerWindow, double samplesPerCycle, int maxOrder)
    {
        Bins = bins;

        // Interpolation keeps 0.5 % of reading at the top order when ω ≤ 0.86 rad/sample, i.e. ≥ 7.3 samples per period.
        UsesFft = samplesPerCycle >= 7.3 * maxOrder;
        _weights = new double[maxSamplesPerWindow + 4];
        if (UsesFft)
        {
            var size = 4;
            while (size * 2 <= maxSamplesPerWindow * 0.9 || size / 2 < bins)
            {
                size *= 2;
            }

            _fft = new RealFft(size);
            _resampled = new double[size];
            _fftRe = new double[(size / 2) + 1];
            _fftIm = new double[(size / 2) + 1];
        }
        else
        {
            _resampled = [];
            _fftRe = [];
            _fftIm = [];
        }
    }

    public int Bins { get; }

    public bool UsesFft { get; }

    /// <summary>
    /// Spectrum of <paramref name="x"/> over [start, start + length] (fractional positions in x). x must hold
    /// <see cref="LagrangeResampler.MarginBefore"/> samples before start and <see cref="LagrangeResampler.MarginAfter"/> + 1 after the end.
    /// </summary>
    public void Analyze(ReadOnlySpan<double> x, double start, double length, Span<double> re, Span<double> im)
    {
        if (_fft is not null)
        {
            AnalyzeByFft(x, start, length, re, im);
        }
        else
        {
            AnalyzeDirect(x, start, length, re, im);
        }
    }

    private void AnalyzeByFft(ReadOnlySpan<double> x, double start, double length, Span<double> re, Span<double> im)
    {
        var n = _fft!.Size;
        LagrangeResampler.Resample(x, start, length / n, _resampled);
        _fft.Forward(_resampled, _fftRe, _fftIm);
        var scale = Math.Sqrt(2) / n;
        re[0] = _fftRe[0] / n;
        im[0] = 0;
        for (var k = 1; k < Bins; k++)
        {
            re[k] = -_fftIm[k] * scale;
            im[k] = _fftRe[k] * scale;
        }
    }

    private void AnalyzeDirect(ReadOnlySpan<double> x, double start, double length, Span<double> re, Span<double> im)
    {
        var i0 = (int)Math.Floor(start);
        var count = FractionalWindow.Weights(start, start + length, _weights);
        var w = _weights.AsSpan(0, count);
        var xs = x.Slice(i0, count);
        double mean = 0;
        for (var m = 0; m < count; m++)
        {
            mean += w[m] * xs[m];
        }

        re[0] = mean / length;
        im[0] = 0;
        var scale = Math.Sqrt(2) / length;
        for (var k = 1; k < Bins; k++)
        {
            var theta = 2 * Math.PI * k / length;
            var (s0, c0) = Math.SinCos(theta * (i0 - start));
            var (ds, dc) = Math.SinCos(theta);
            double sr = 0, si = 0;
            for (var m = 0; m < count; m++)
            {
                var v = w[m] * xs[m];
                sr += v * s0;
                si += v * c0;
                var s1 = (s0 * dc) + (c0 * ds);
                c0 = (c0 * dc) - (s0 * ds);
                s0 = s1;
            }

            re[k] = sr * scale;
            im[k] = si * scale;
        }
    }
}
