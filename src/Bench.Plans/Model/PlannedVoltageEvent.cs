namespace Bench.Plans.Model;

/// <summary>
/// One dip, swell or interruption of a plan's event sequence: residual (or swell) voltage in % of Udin, duration in
/// seconds or in cycles of the point's frequency, the phases it affects (1-based) and the pause before it starts
/// (after settling, or after the previous event ended).
/// </summary>
public sealed record PlannedVoltageEvent(double ResidualPercent, double? DurationS, double? DurationCycles, IReadOnlyList<int> Phases, double GapS)
{
    /// <summary>For test-level sets whose cycle counts differ at 60 Hz (10/12, 25/30 …); null = the same count.</summary>
    public double? Cycles60Hz { get; init; }

    /// <summary>The duration at <paramref name="frequencyHz"/>; cycle counts follow the 50/60 Hz column nearest to it.</summary>
    public double Seconds(double frequencyHz) =>
        DurationS ?? ((frequencyHz >= 55 && Cycles60Hz is { } c60 ? c60 : DurationCycles!.Value) / frequencyHz);
}
