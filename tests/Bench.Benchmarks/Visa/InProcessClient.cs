using System.Diagnostics;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// A client that runs in the benchmark's own process (Bench's clients, the raw socket floors): timed by the stopwatch,
/// its CPU taken from the process's CPU time, which nothing else in this process uses while a round runs.
/// </summary>
public sealed class InProcessClient(string name, Func<CancellationToken, ValueTask> roundTrip, IAsyncDisposable? owned = null) : IBenchmarkClient
{
    public string Name { get; } = name;

    public async Task<RoundTripSample> RunAsync(double seconds, CancellationToken cancellationToken)
    {
        var n = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            // Check the clock every 64 round trips only: a Stopwatch read is not free at 50 000 round trips per second.
            for (var k = 0; k < 64; k++)
            {
                await roundTrip(cancellationToken).ConfigureAwait(false);
            }

            n += 64;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuUs = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds;
        return new RoundTripSample(n / elapsed, cpuUs / n, double.NaN);
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
