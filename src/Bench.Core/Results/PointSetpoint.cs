namespace Bench.Core.Results;

/// <summary>A load point as a certificate lists it: per-phase U and I, power factor, frequency, and the current as a fraction of In.</summary>
public sealed record PointSetpoint(
    double VoltageV,
    double CurrentA,
    string PowerFactor,
    double FrequencyHz,
    double CurrentPercentOfNominal,
    string Phases);
