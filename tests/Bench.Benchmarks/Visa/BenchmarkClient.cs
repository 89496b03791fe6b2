namespace Bench.Benchmarks.Visa;

/// <summary>A client under test: runs round trips for about the given time and reports its rate and its own CPU per round trip.</summary>
public interface IBenchmarkClient : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Round trips per second and client CPU µs per round trip (server CPU is filled in by the caller).</summary>
    Task<RoundTripSample> RunAsync(double seconds, CancellationToken cancellationToken);
}
