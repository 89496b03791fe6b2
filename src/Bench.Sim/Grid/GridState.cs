using Bench.Core.Quantities;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Grid;

/// <summary>A snapshot of the simulated grid; <see cref="Version"/> changes with every program or output switch.</summary>
public sealed record GridState(ThreePhaseSetpoint Setpoint, bool OutputOn, long Version)
{
    public ThreePhaseSetpoint Output => OutputOn ? Setpoint : ThreePhaseSetpoint.Off(Setpoint.FrequencyHz);

    /// <summary>The amplitude modulation on every phase voltage (IEC 61000-4-15 flicker test signal); null = none.</summary>
    public FlickerModulation? Flicker { get; init; }

    /// <summary>When this state began (the last program, switch or modulation change), on the grid's clock.</summary>
    public DateTimeOffset Since { get; init; }
}
