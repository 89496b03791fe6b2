namespace Bench.Instruments.Roles;

/// <summary>Energy a reference standard integrated over one gate: total active and reactive energy and the gate length.</summary>
public sealed record EnergyIntegration(double ActiveEnergyWh, double ReactiveEnergyVarh, double DurationS);
