namespace Bench.Benchmarks.Visa;

/// <summary>
/// Runs several clients against one server process in interleaved rounds (A B C, then B C A, …) so that load from
/// other work on the machine falls on every client alike, and returns each client's per-field medians. The server's
/// CPU per round trip is taken from the server process around each round.
/// </summary>
public static class InterleavedRounds
{
    public static async Task<Dictionary<string, RoundTripSample>> RunAsync(
        IReadOnlyList<IBenchmarkClient> clients, SimulatorProcess server, double seconds, int repeats, CancellationToken cancellationToken)
    {
        var samples = clients.ToDictionary(c => c.Name, _ => new List<RoundTripSample>());
        foreach (var client in clients)
        {
            _ = await client.RunAsync(Math.Max(seconds, 1.5), cancellationToken).ConfigureAwait(false); // warm-up: JIT tiers, PGO, caches
        }

        for (var r = 0; r < repeats; r++)
        {
            for (var k = 0; k < clients.Count; k++)
            {
                var client = clients[(k + r) % clients.Count];
                var serverCpu = server.CpuTime;
                var sample = await client.RunAsync(seconds, cancellationToken).ConfigureAwait(false);
                var perQuery = (server.CpuTime - serverCpu).TotalMicroseconds / (sample.PerSecond * seconds);
                samples[client.Name].Add(sample with { ServerCpuUs = perQuery });
            }
        }

        return samples.ToDictionary(p => p.Key, p => RoundTripSample.Median(p.Value));
    }

    /// <summary>The 1-, 5- and 15-minute load averages, to print beside figures measured on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
