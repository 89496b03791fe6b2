namespace Bench.Dut.Events;

/// <summary>
/// How closely a meter's event must agree with its reference: start time, duration, and extreme voltage (percentage
/// points of Udin). <see cref="ClassA"/> and <see cref="ClassS"/> are the IEC 61000-4-30 figures of
/// standards/power-quality.md §2–3 as Bench.Standards' PowerQualityEventLimits states them: the class's residual and
/// duration tolerance, start within the clock uncertainty plus one cycle of Urms(1/2) detection. The reference's own
/// uncertainty belongs in the point's budget and decision rule, not in a widened limit.
/// </summary>
public sealed record PqEventTolerance(TimeSpan Start, TimeSpan Duration, double ExtremePercentPoints)
{
    /// <summary>Class A: residual ±0.2 % Udin, duration ±1 cycle, start ±(1 cycle clock + 1 cycle detection).</summary>
    public static PqEventTolerance ClassA(double nominalFrequencyHz)
    {
        var cycle = TimeSpan.FromSeconds(1 / nominalFrequencyHz);
        return new PqEventTolerance(2 * cycle, cycle, 0.2);
    }

    /// <summary>Class S: residual ±1 % Udin, duration ±2 cycles, start as Class A (power-quality.md gives one clock figure).</summary>
    public static PqEventTolerance ClassS(double nominalFrequencyHz)
    {
        var cycle = TimeSpan.FromSeconds(1 / nominalFrequencyHz);
        return new PqEventTolerance(2 * cycle, 2 * cycle, 1.0);
    }
}
