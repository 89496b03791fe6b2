using System.Diagnostics;
using System.Globalization;

using Bench.Dsp.Kernels;

namespace Bench.Benchmarks.Dsp;

/// <summary>Per-call times of the engine's kernels at the sizes a 512 samples/cycle basic interval uses.</summary>
public static class DspKernelBenchmark
{
    public static int Run(string[] args)
    {
        var x = new double[6000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Sin(i * 0.0123);
        }

        var fft = new RealFft(4096);
        var re = new double[2049];
        var im = new double[2049];
        var buffer = new double[4096];
        double sink = 0;
        Time("real FFT, 4096 points", () => fft.Forward(x, re, im));
        Time("6-point Lagrange resampling, 4096 points", () => LagrangeResampler.Resample(x, 3.3, 1.2498, buffer));
        Time("fractional-window integral, 5120 samples", () => sink += SpanMath.Integral(x, x, 3.3, 5120.5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(checksum {sink:0})"));
        return 0;
    }

    private static void Time(string name, Action action)
    {
        for (var i = 0; i < 2000; i++)
        {
            action();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++)
            {
                action();
            }

            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / 1000);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-45} {best,8:0.00} µs (best of 5 × 1000)"));
    }
}
