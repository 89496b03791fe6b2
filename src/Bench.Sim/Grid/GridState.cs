using Bench.Core.Quantities;

namespace Bench.Sim.Grid;

/// <summary>A snapshot of the simulated grid; <see cref="Version"/> changes with every program or output switch.</summary>
public sealed record GridState(ThreePhaseSetpoint Setpoint, bool OutputOn, long Version)
{
    public ThreePhaseSetpoint Output => OutputOn ? Setpoint : ThreePhaseSetpoint.Off(Setpoint.FrequencyHz);
}
