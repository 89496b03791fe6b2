namespace Bench.Benchmarks.Visa;

/// <summary>
/// One timed round of one client: round trips per second by the client's own clock, and CPU time per round trip spent
/// by the client process and by the server process (both from the kernel's accounting, so they hold up under load).
/// </summary>
public readonly record struct RoundTripSample(double PerSecond, double ClientCpuUs, double ServerCpuUs)
{
    public double LatencyUs => 1e6 / PerSecond;

    /// <summary>Per-field medians of several rounds (each field on its own, as the rounds are noisy independently).</summary>
    public static RoundTripSample Median(IReadOnlyCollection<RoundTripSample> samples) => new(
        MedianOf(samples.Select(s => s.PerSecond)),
        MedianOf(samples.Select(s => s.ClientCpuUs)),
        MedianOf(samples.Select(s => s.ServerCpuUs)));

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public string Describe() => FormattableString.Invariant(
        $"{PerSecond,8:0} /s {LatencyUs,6:0.0} µs   cpu/query client {ClientCpuUs,5:0.0} µs, server {ServerCpuUs,5:0.0} µs");
}
