using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
    private readonly LagrangeWeights? _grid;
    private readonly ChirpSpectrum? _chirp;
    private readonly FundamentalLeakage? _leakage;
    private readonly double[] _endWeights = new double[4];
    private readonly double[] _chirpRe;
    private readonly double[] _chirpIm;

    /// <param name="bins">Bins wanted, 0..bins−1 (e.g. C·(max order) + C/2 + 1).</param>
    /// <param name="maxSamplesPerWindow">Longest window, in samples, the caller will pass.</param>
    /// <param name="samplesPerCycle">Sampling rate in samples per nominal cycle.</param>
    /// <param name="maxOrder">Highest harmonic order that must stay accurate.</param>
    /// <param name="cyclesPerWindow">Cycles in the window (C); when given, the exact path removes the fundamental's leak (<see cref="FundamentalLeakage"/>).</param>
    public IntervalSpectrum(int bins, int maxSamplesPerWindow, double samplesPerCycle, int maxOrder, int cyclesPerWindow = 0)
    {
        Bins = bins;

        // Interpolation keeps 0.5 % of reading at the top order when ω ≤ 0.86 rad/sample, i.e. ≥ 7.3 samples per period.
        UsesFft = samplesPerCycle >= 7.3 * maxOrder;
        _weights = new double[maxSamplesPerWindow + 4];
        if (UsesFft)
        {
            // A power of two of about the window's own length, but no more than three times the bins wanted: the
            // Nyquist bin then sits at ≥ 1.5× the top bin, and only content above about three times the top order (the
            // 154th, 7.7 kHz, for the 50th at 50 Hz; the 120th at 60 Hz) could fold into the analysed band.
            var size = 4;
            while (size * 2 <= maxSamplesPerWindow * 0.9 || size / 2 < bins)
            {
                size *= 2;
            }

            var cap = 4;
            while (cap < 3 * bins)
            {
                cap *= 2;
            }

            size = Math.Min(size, Math.Max(cap, 4));
            _fft = new RealFft(size);
            _grid = new LagrangeWeights(size);
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

        // The exact path: bins × samples Goertzel steps, or a chirp-z transform once that is cheaper (it is from about
        // 100 000 bin-samples on: e.g. 128 samples per cycle to the 50th order).
        if (!UsesFft && cyclesPerWindow > 0 && cyclesPerWindow < bins)
        {
            _leakage = new FundamentalLeakage(bins, cyclesPerWindow);
        }

        if (!UsesFft && (long)bins * maxSamplesPerWindow >= 100_000)
        {
            _chirp = new ChirpSpectrum(maxSamplesPerWindow + 4, bins);
            _chirpRe = new double[bins];
            _chirpIm = new double[bins];
        }
        else
        {
            _chirpRe = [];
            _chirpIm = [];
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AnalyzeByFft(ReadOnlySpan<double> x, double start, double length, Span<double> re, Span<double> im)
    {
        var n = _fft!.Size;
        // Every channel of an interval shares the window: the interpolation weights are evaluated once for all.
        var step = length / n;
        var grid = _grid!;
        if (grid.Start != start || grid.Step != step || grid.Count != n)
        {
            grid.Prepare(start, step, n);
        }

        grid.Apply(x, _resampled);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AnalyzeDirect(ReadOnlySpan<double> x, double start, double length, Span<double> re, Span<double> im)
    {
        var i0 = (int)Math.Floor(start);
        var count = FractionalWindow.Weights(start, start + length, _weights);
        var v = _weights.AsSpan(0, count);
        var xs = x.Slice(i0, count);
        if (_leakage is not null && count >= 4)
        {
            _endWeights[0] = v[0];
            _endWeights[1] = v[1];
            _endWeights[2] = v[count - 2];
            _endWeights[3] = v[count - 1];
            _leakage.Prepare(start, length, count, _endWeights);
        }

        double mean = 0;
        for (var m = 0; m < count; m++)
        {
            v[m] *= xs[m];
            mean += v[m];
        }

        re[0] = mean / length;
        im[0] = 0;
        var scale = Math.Sqrt(2) / length;
        if (_chirp is not null)
        {
            // Z[k] = Σ v_m·e^{jθ(m + i0 − start)} = Y[k]·e^{jθ(i0 − start)}, θ = 2πk/L; Re → im, Im → re (sin reference).
            _chirp.Transform(v, length, _chirpRe, _chirpIm);
            // e^{jθ(i0 − start)} = e^{jk·δ} with δ = 2π(i0 − start)/L, by rotation (|k·δ| ≤ 2π·bins/L: a few radians).
            var (ds, dc) = Math.SinCos(2 * Math.PI / length * (i0 - start));
            double ps = ds, pc = dc;
            for (var bin = 1; bin < Bins; bin++)
            {
                double yr = _chirpRe[bin], yi = _chirpIm[bin];
                re[bin] = ((yr * ps) + (yi * pc)) * scale;
                im[bin] = ((yr * pc) - (yi * ps)) * scale;
                (pc, ps) = ((pc * dc) - (ps * ds), (pc * ds) + (ps * dc));
            }

            RemoveLeak(count, re, im);
            return;
        }

        var k = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            // Three independent chains of four bins keep the floating-point pipeline full (each chain is latency-bound).
            for (; k + 12 <= Bins; k += 12)
            {
                var ca = Coefficients(k, length);
                var cb = Coefficients(k + 4, length);
                var cc = Coefficients(k + 8, length);
                Vector256<double> a1 = default, a2 = default, b1 = default, b2 = default, c1 = default, c2 = default;
                for (var m = 0; m < count; m++)
                {
                    var x0 = Vector256.Create(v[m]);
                    var a0 = x0 + (ca * a1) - a2;
                    var b0 = x0 + (cb * b1) - b2;
                    var c0 = x0 + (cc * c1) - c2;
                    a2 = a1;
                    a1 = a0;
                    b2 = b1;
                    b1 = b0;
                    c2 = c1;
                    c1 = c0;
                }

                for (var lane = 0; lane < 4; lane++)
                {
                    Finish(k + lane, length, start, i0, count, a1.GetElement(lane), a2.GetElement(lane), scale, re, im);
                    Finish(k + 4 + lane, length, start, i0, count, b1.GetElement(lane), b2.GetElement(lane), scale, re, im);
                    Finish(k + 8 + lane, length, start, i0, count, c1.GetElement(lane), c2.GetElement(lane), scale, re, im);
                }
            }

            for (; k + 4 <= Bins; k += 4)
            {
                // Goertzel on four bins at once: s_m = v_m + 2cos θ·s_{m−1} − s_{m−2}.
                var coefficient = Coefficients(k, length);
                var s1 = Vector256<double>.Zero;
                var s2 = Vector256<double>.Zero;
                for (var m = 0; m < count; m++)
                {
                    var s0 = Vector256.Create(v[m]) + (coefficient * s1) - s2;
                    s2 = s1;
                    s1 = s0;
                }

                for (var lane = 0; lane < 4; lane++)
                {
                    Finish(k + lane, length, start, i0, count, s1.GetElement(lane), s2.GetElement(lane), scale, re, im);
                }
            }
        }

        for (; k < Bins; k++)
        {
            var c = Coefficient(k, length);
            double s1 = 0, s2 = 0;
            for (var m = 0; m < count; m++)
            {
                var s0 = v[m] + (c * s1) - s2;
                s2 = s1;
                s1 = s0;
            }

            Finish(k, length, start, i0, count, s1, s2, scale, re, im);
        }

        RemoveLeak(count, re, im);
    }

    private void RemoveLeak(int count, Span<double> re, Span<double> im)
    {
        if (_leakage is not null && count >= 4)
        {
            _leakage.Remove(re[..Bins], im[..Bins]);
        }
    }

    private static double Coefficient(int k, double length) => 2 * Math.Cos(2 * Math.PI * k / length);

    private static Vector256<double> Coefficients(int k, double length)
        => Vector256.Create(Coefficient(k, length), Coefficient(k + 1, length), Coefficient(k + 2, length), Coefficient(k + 3, length));

    /// <summary>Z = Σ v_m·e^{jθ(m − start)} = e^{jθ(i0 − start)}·e^{jθ(N−1)}·(s_{N−1} − e^{jθ}·s_{N−2}); Re → im, Im → re (sin reference).</summary>
    private static void Finish(int k, double length, double start, int i0, int count, double s1, double s2, double scale, Span<double> re, Span<double> im)
    {
        var theta = 2 * Math.PI * k / length;
        var (sin, cos) = Math.SinCos(theta);
        var yr = s1 - (cos * s2);
        var yi = -sin * s2;
        var (ps, pc) = Math.SinCos(theta * (i0 - start + count - 1));
        var zr = (yr * pc) - (yi * ps);
        var zi = (yr * ps) + (yi * pc);
        re[k] = zi * scale;
        im[k] = zr * scale;
    }
}
