namespace Bench.Dsp.Events;

/// <summary>
/// A voltage event. <paramref name="Phase"/> is the channel index, or −1 for the polyphase event. ExtremeV is the
/// residual (dip, interruption), the maximum (swell) or ΔUmax (RVC); ExtremePercent the same in percent of Udin.
/// <paramref name="SteadyChangeV"/> is ΔUss for an RVC (NaN otherwise).
/// </summary>
public sealed record PqEvent(PqEventType Type, int Phase, double StartS, double DurationS, double ExtremeV, double ExtremePercent)
{
    public double SteadyChangeV { get; init; } = double.NaN;

    /// <summary>The event was still in progress when the record ended.</summary>
    public bool Unfinished { get; init; }
}
