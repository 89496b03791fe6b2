namespace Bench.Waveforms.Synthesis;

/// <summary>
/// From <paramref name="AtS"/> the frequency moves to <paramref name="FrequencyHz"/>: at once (a step) or linearly
/// over <paramref name="RampS"/> seconds. The phase stays continuous.
/// </summary>
public sealed record FrequencyStep(double AtS, double FrequencyHz, double RampS = 0);
