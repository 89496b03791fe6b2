using Bench.Sim.Meter;

namespace Bench.Sim;

/// <summary>How to build a virtual bench: the simulated meter's identity and error, the grid's nominal frequency, the start of virtual time.</summary>
public sealed record VirtualBenchOptions
{
    public SimulatedMeterOptions Meter { get; init; } = new();

    public double NominalFrequencyHz { get; init; } = 50;

    /// <summary>Start of virtual time; null = now.</summary>
    public DateTimeOffset? Start { get; init; }
}
