namespace Bench.Dut.Events;

/// <summary>
/// How closely a meter's event must agree with the reference's: start time, duration, and extreme voltage (percentage
/// points of Udin). <see cref="ClassA"/> uses the IEC 61000-4-30 Class A figures of standards/power-quality.md
/// (residual ±0.2 % Udin, duration ±1 cycle), added for the meter and the reference since both carry them.
/// </summary>
public sealed record PqEventTolerance(TimeSpan Start, TimeSpan Duration, double ExtremePercentPoints)
{
    public static PqEventTolerance ClassA(double nominalFrequencyHz)
    {
        var cycle = TimeSpan.FromSeconds(1 / nominalFrequencyHz);
        return new PqEventTolerance(2 * cycle, 2 * cycle, 0.4);
    }

    /// <summary>Class S figures of the same table: ±1 % Udin, ±2 cycles, for meter and reference each.</summary>
    public static PqEventTolerance ClassS(double nominalFrequencyHz)
    {
        var cycle = TimeSpan.FromSeconds(1 / nominalFrequencyHz);
        return new PqEventTolerance(4 * cycle, 4 * cycle, 2.0);
    }
}
