namespace Bench.Standards.Limits;

/// <summary>
/// How closely a meter's dip, swell or interruption must agree with the reference (power-quality.md §3, §2): residual
/// or maximum voltage in % Udin (the <see cref="PowerQualityLimits"/> row), duration in cycles of the nominal frequency,
/// and start time within the class's time-clock uncertainty plus one cycle of detection granularity (Urms(1/2) is a
/// one-cycle window). The clock figure is Class A's ±20 ms (50 Hz) / ±16.7 ms (60 Hz) with external synchronisation for
/// both classes: a plan sets its own start tolerance for an unsynchronised meter. All figures (unconfirmed).
/// </summary>
public sealed record PowerQualityEventLimits(double ResidualPercentOfUdin, double DurationCycles, double ClockUncertaintyS)
{
    /// <summary>A start tolerance the plan sets instead of clock + detection (an unsynchronised meter); null = the class's.</summary>
    public double? StartToleranceS { get; init; }

    public static PowerQualityEventLimits For(string accuracyClass, double nominalFrequencyHz) =>
        accuracyClass.Equals("S", StringComparison.OrdinalIgnoreCase)
            ? new PowerQualityEventLimits(1.0, 2, 1 / nominalFrequencyHz)
            : new PowerQualityEventLimits(0.2, 1, 1 / nominalFrequencyHz);

    public TimeSpan Duration(double nominalFrequencyHz) => TimeSpan.FromSeconds(DurationCycles / nominalFrequencyHz);

    /// <summary>Start tolerance: clock uncertainty plus one cycle of detection, plus how long the trigger took to send.</summary>
    public TimeSpan Start(double nominalFrequencyHz, TimeSpan triggerLatency) =>
        TimeSpan.FromSeconds(StartToleranceS ?? (ClockUncertaintyS + (1 / nominalFrequencyHz))) + triggerLatency;
}
