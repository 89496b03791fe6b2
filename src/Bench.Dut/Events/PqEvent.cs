namespace Bench.Dut.Events;

/// <summary>
/// One voltage event as a meter or the reference logs it: kind, phases involved (bit 0 = L1 …), start, duration, and
/// the extreme voltage in percent of the declared voltage Udin (residual voltage of a dip or interruption, maximum of
/// a swell). Bench.Core has no event type yet; this is the shape both sides are compared in.
/// </summary>
public sealed record PqEvent(PqEventKind Kind, int PhaseMask, DateTimeOffset Start, TimeSpan Duration, double ExtremePercentOfDeclared)
{
    public DateTimeOffset End => Start + Duration;

    /// <summary>"L1 L3" for mask 0b101.</summary>
    public static string Phases(int mask) => string.Join(" ", Enumerable.Range(0, 3).Where(k => (mask & (1 << k)) != 0).Select(k => $"L{k + 1}"));
}
