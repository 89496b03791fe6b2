using Bench.Dsp.Kernels;

namespace Bench.Dsp.Tests.Kernels;

public sealed class RealFftTests
{
    [TestCase(4)]
    [TestCase(8)]
    [TestCase(64)]
    [TestCase(2048)]
    public void Matches_the_defining_sum(int n)
    {
        // Truth: X[k] = Σ x[m]·e^{−j2πkm/N} evaluated directly (the definition numpy.fft.rfft implements).
        var random = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var re = new double[(n / 2) + 1];
        var im = new double[(n / 2) + 1];
        new RealFft(n).Forward(x, re, im);
        for (var k = 0; k <= n / 2; k++)
        {
            double sr = 0, si = 0;
            for (var m = 0; m < n; m++)
            {
                sr += x[m] * Math.Cos(2 * Math.PI * k * m / n);
                si -= x[m] * Math.Sin(2 * Math.PI * k * m / n);
            }

            Assert.That(re[k], Is.EqualTo(sr).Within(1e-9), $"Re X[{k}]");
            Assert.That(im[k], Is.EqualTo(si).Within(1e-9), $"Im X[{k}]");
        }
    }
}
