namespace Bench.Waveforms.Synthesis;

/// <summary>
/// A dip, swell or interruption: from <paramref name="StartS"/> for <paramref name="DurationS"/> the affected voltages
/// are scaled to <paramref name="LevelPercent"/> of their set value (e.g. 50 = dip to 50 %, 0 = interruption,
/// 120 = swell). <paramref name="Phases"/> lists the affected phase indices (empty = all).
/// </summary>
public sealed record VoltageEvent(double StartS, double DurationS, double LevelPercent)
{
    public IReadOnlyList<int> Phases { get; init; } = [];

    /// <summary>An event starting at <paramref name="pointOnWaveDeg"/> after the rising zero crossing of phase-1 voltage number <paramref name="cycle"/> at a steady frequency.</summary>
    public static VoltageEvent AtPointOnWave(int cycle, double pointOnWaveDeg, double frequencyHz, double durationS, double levelPercent, double startPhaseDeg = 0)
    {
        var start = (cycle + ((pointOnWaveDeg - startPhaseDeg) / 360)) / frequencyHz;
        return new VoltageEvent(start, durationS, levelPercent);
    }

    public bool Affects(int phase) => Phases.Count == 0 || Phases.Contains(phase);

    public bool IsActive(double timeS) => timeS >= StartS && timeS < StartS + DurationS;
}
