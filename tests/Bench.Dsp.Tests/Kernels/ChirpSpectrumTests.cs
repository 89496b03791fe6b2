using Bench.Dsp.Harmonics;
using Bench.Dsp.Kernels;

namespace Bench.Dsp.Tests.Kernels;

/// <summary>The complex FFT and the chirp-z spectrum against their defining sums, evaluated directly.</summary>
public sealed class ChirpSpectrumTests
{
    [TestCase(2)]
    [TestCase(16)]
    [TestCase(1024)]
    public void Complex_fft_forward_and_inverse_match_the_definition(int n)
    {
        var random = new Random(n);
        var xr = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var xi = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var re = (double[])xr.Clone();
        var im = (double[])xi.Clone();
        var fft = new ComplexFft(n);
        fft.Forward(re, im);
        for (var k = 0; k < n; k += Math.Max(1, n / 64))
        {
            // Truth: X[k] = Σ x[m]·e^{−j2πkm/N}.
            double sr = 0, si = 0;
            for (var m = 0; m < n; m++)
            {
                var (s, c) = Math.SinCos(-2 * Math.PI * k * m / n);
                sr += (xr[m] * c) - (xi[m] * s);
                si += (xr[m] * s) + (xi[m] * c);
            }

            Assert.That(re[k], Is.EqualTo(sr).Within(1e-9), $"Re X[{k}]");
            Assert.That(im[k], Is.EqualTo(si).Within(1e-9), $"Im X[{k}]");
        }

        fft.Inverse(re, im);
        Assert.That(re.Select(x => x / n), Is.EqualTo(xr).Within(1e-12));
        Assert.That(im.Select(x => x / n), Is.EqualTo(xi).Within(1e-12));
    }

    [TestCase(2563, 2562.37, 510)]
    [TestCase(1285, 1283.71, 612)]
    [TestCase(330, 328.9, 151)]
    public void Chirp_z_matches_the_direct_sum_at_non_integer_window_lengths(int count, double length, int bins)
    {
        var random = new Random(count);
        var v = Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
        var chirp = new ChirpSpectrum(count + 100, bins);
        var yr = new double[bins];
        var yi = new double[bins];
        chirp.Transform(v, length, yr, yi);
        for (var k = 0; k < bins; k += 7)
        {
            // Truth: Y[k] = Σ v[m]·e^{+j2πkm/L}.
            double sr = 0, si = 0;
            for (var m = 0; m < count; m++)
            {
                var (s, c) = Math.SinCos(2 * Math.PI * k * m / length);
                sr += v[m] * c;
                si += v[m] * s;
            }

            Assert.That(yr[k], Is.EqualTo(sr).Within(1e-9), $"Re Y[{k}]");
            Assert.That(yi[k], Is.EqualTo(si).Within(1e-9), $"Im Y[{k}]");
        }
    }
}
