namespace Bench.Instruments.Roles;

/// <summary>Energy a reference standard integrated over one gate: total active and reactive energy and the gate length.</summary>
public sealed record EnergyIntegration(double ActiveEnergyWh, double ReactiveEnergyVarh, double DurationS)
{
    /// <summary>
    /// Apparent energy in VAh when the reference integrates it (its profile names a VAH or KVAH energy field), NaN when
    /// it does not. The definition (arithmetic Σ U·I per phase, or vector) is the instrument's: its profile says which.
    /// </summary>
    public double ApparentEnergyVAh { get; init; } = double.NaN;
}
