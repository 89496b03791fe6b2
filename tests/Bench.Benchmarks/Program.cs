// Benchmarks print figures; each area adds its own entry point to this table (see README "Benchmarks").
using Bench.Benchmarks.Dsp;

var benchmarks = new Dictionary<string, (string Description, Func<string[], int> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["dsp-engine"] = ("reference meter: real-time factor, allocation per cycle, memory over a long stream (3P4W, 512 samples/cycle)", DspEngineBenchmark.Run),
    ["dsp-kernels"] = ("FFT, resampler and dot-product kernels of the reference meter", DspKernelBenchmark.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.WriteLine("usage: Bench.Benchmarks NAME [options]");
    foreach (var (name, (description, _)) in benchmarks)
    {
        Console.WriteLine($"  {name,-14} {description}");
    }

    return args.Length == 0 ? 0 : 2;
}

return benchmark.Run(args[1..]);
