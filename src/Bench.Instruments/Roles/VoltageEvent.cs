namespace Bench.Instruments.Roles;

/// <summary>
/// A voltage dip, swell or interruption as IEC 61000-4-30 and 61000-4-11 describe it: the residual voltage in percent of
/// the declared voltage (0 = interruption, &lt; 100 dip, &gt; 100 swell), its duration, and the phases it affects (1-based).
/// </summary>
public sealed record VoltageEvent(double ResidualPercent, double DurationS, IReadOnlyList<int> Phases)
{
    public static VoltageEvent AllPhases(double residualPercent, double durationS) => new(residualPercent, durationS, [1, 2, 3]);
}
