namespace Bench.Sim.Meter;

/// <summary>
/// Defects of the simulated meter's event detection, so that an event test can be shown to fail: events shorter than
/// <see cref="MinimumDetectedDurationS"/> go unlogged (a detector that is too slow), logged durations are off by
/// <see cref="DurationBiasS"/>, residual or maximum voltages by <see cref="ExtremeBiasPercent"/> (% Udin), and start
/// times by <see cref="ClockOffsetS"/> (a meter clock not synchronised with the bench's).
/// </summary>
public sealed record SimulatedEventFaults
{
    public static SimulatedEventFaults None { get; } = new();

    public double MinimumDetectedDurationS { get; init; }

    public double DurationBiasS { get; init; }

    public double ExtremeBiasPercent { get; init; }

    public double ClockOffsetS { get; init; }
}
