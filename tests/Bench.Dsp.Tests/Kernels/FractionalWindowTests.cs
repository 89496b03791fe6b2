using Bench.Dsp.Kernels;

namespace Bench.Dsp.Tests.Kernels;

public sealed class FractionalWindowTests
{
    [TestCase(100.0)]
    [TestCase(2563.37)]
    [TestCase(7.5)]
    public void Weights_sum_to_the_window_length(double length)
    {
        var sum = Enumerable.Range(0, FractionalWindow.SamplesNeeded(length)).Sum(n => FractionalWindow.Weight(n, length));
        Assert.That(sum, Is.EqualTo(length).Within(1e-9));
    }

    [TestCase(256.37, 10, 1e-8)]
    [TestCase(33.37, 12, 2e-6)]
    [TestCase(1024.91, 10, 1e-9)]
    public void Mean_square_of_a_sine_over_whole_cycles_is_one_half(double samplesPerCycle, int cycles, double tolerance)
    {
        // Analytic: mean of sin²(ωt + φ) over whole periods = 1/2, for any phase and any non-integer samples per cycle.
        // The residual is the O(h²·ε/L) end term: ~1e-6 at 33 samples per cycle, far below 5e-5.
        var length = cycles * samplesPerCycle;
        var x = Enumerable.Range(0, FractionalWindow.SamplesNeeded(length))
            .Select(n => Math.Sin((2 * Math.PI * n / samplesPerCycle) + 0.7)).ToArray();
        Assert.That(FractionalWindow.MeanSquare(x, length), Is.EqualTo(0.5).Within(tolerance));
    }

    [Test]
    public void A_rounded_sample_count_would_be_much_worse()
    {
        // The reason for the fractional end: the rounded window's error is of order ε/(2πN), ~1e-5 here.
        const double spc = 256.37;
        var length = 10 * spc;
        var x = Enumerable.Range(0, FractionalWindow.SamplesNeeded(length)).Select(n => Math.Sin((2 * Math.PI * n / spc) + 0.7)).ToArray();
        var rounded = (int)Math.Round(length);
        var naive = x.Take(rounded).Sum(v => v * v) / rounded;
        var exact = FractionalWindow.MeanSquare(x, length);
        Assert.That(Math.Abs(exact - 0.5), Is.LessThan(Math.Abs(naive - 0.5) / 100));
    }

    [Test]
    public void Phasor_of_a_sine_gives_rms_and_phase()
    {
        // x = √2·3·sin(ωt + 0.4) → phasor 3∠0.4 rad.
        const double spc = 127.77;
        var length = 12 * spc;
        var x = Enumerable.Range(0, FractionalWindow.SamplesNeeded(length))
            .Select(n => Math.Sqrt(2) * 3 * Math.Sin((2 * Math.PI * n / spc) + 0.4)).ToArray();
        var (re, im) = FractionalWindow.Phasor(x, 1 / spc, length);
        Assert.That(Math.Sqrt((re * re) + (im * im)), Is.EqualTo(3).Within(1e-6));
        Assert.That(Math.Atan2(im, re), Is.EqualTo(0.4).Within(1e-6));
    }

    [Test]
    public void Too_short_a_block_is_refused()
    {
        Assert.That(() => FractionalWindow.MeanSquare(new double[10], 9.5), Throws.ArgumentException);
    }
}
