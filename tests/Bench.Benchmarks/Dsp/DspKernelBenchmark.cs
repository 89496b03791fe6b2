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

        var fft = new RealFft(2048);
        var re = new double[1025];
        var im = new double[1025];
        var buffer = new double[2048];
        var grid = new LagrangeWeights(2048);
        grid.Prepare(3.3, 2.4998, 2048);
        var wave = new double[25600];
        for (var i = 0; i < wave.Length; i++)
        {
            wave[i] = 325 * Math.Sin(2 * Math.PI * i / 512.3);
        }

        var tracker = new Bench.Dsp.Streaming.CycleTracker(512);
        var found = new Bench.Dsp.Streaming.CycleBoundary[4];
        double sink = 0;
        Time("real FFT, 2048 points", () => fft.Forward(x, re, im));
        Time("6-point Lagrange resampling, 2048 points", () => LagrangeResampler.Resample(x, 3.3, 2.4998, buffer));
        Time("Lagrange weights of a 2048-point grid", () => grid.Prepare(3.3, 2.4998, 2048));
        Time("Lagrange weights applied, 2048 points", () => grid.Apply(x, buffer));
        Time("zero-crossing scan, 25 600 samples (1 s)", () =>
        {
            for (var block = 0; block < wave.Length; block += 512)
            {
                var span = wave.AsSpan(block, Math.Min(512, wave.Length - block));
                var at = 0;
                while (at < span.Length)
                {
                    sink += tracker.Scan(span, ref at, found);
                }
            }
        });
        Time("fractional-window integral, 5120 samples", () => sink += SpanMath.Integral(x, x, 3.3, 5120.5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(checksum {sink:0})"));
        return 0;
    }

    /// <summary>Thread CPU time per call (best of five rounds of ≥ 0.3 s CPU): on a shared machine wall time measures the neighbours.</summary>
    private static void Time(string name, Action action)
    {
        for (var i = 0; i < 2000; i++)
        {
            action();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var start = ThreadCpuClock.Now();
            var calls = 0;
            TimeSpan used;
            do
            {
                for (var i = 0; i < 1000; i++)
                {
                    action();
                }

                calls += 1000;
                used = ThreadCpuClock.Now() - start;
            }
            while (used.TotalMilliseconds < 300);

            best = Math.Min(best, used.TotalMicroseconds / calls);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-45} {best,8:0.00} µs CPU per call (best of 5 rounds)"));
    }
}
