namespace Bench.Waveforms.Synthesis;

/// <summary>From <paramref name="AtS"/> on, the listed phases (empty = all; voltages and currents) are shifted by <paramref name="Degrees"/>.</summary>
public sealed record PhaseJump(double AtS, double Degrees)
{
    public IReadOnlyList<int> Phases { get; init; } = [];
}
