namespace Bench.Core.Quantities;

/// <summary>A measurement of all phases over one window, with the totals a meter reports.</summary>
public sealed record ThreePhaseMeasurement(IReadOnlyList<PhaseMeasurement> Phases, double FrequencyHz)
{
    public double TotalActivePowerW => Phases.Sum(p => p.ActivePowerW);

    public double TotalReactivePowerVar => Phases.Sum(p => p.ReactivePowerVar);

    /// <summary>Arithmetic apparent power (sum of the phase S), as most meters report it.</summary>
    public double TotalApparentPowerVA => Phases.Sum(p => p.ApparentPowerVA);

    public double TotalPowerFactor => TotalApparentPowerVA == 0 ? 0 : TotalActivePowerW / TotalApparentPowerVA;
}
