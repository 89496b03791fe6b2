namespace Bench.Core.Quantities;

/// <summary>
/// What a source is told to output on one phase: RMS values and phase angles of the fundamental.
/// Angles in degrees, positive = leading, referred to phase L1 voltage. Harmonics are optional, in percent of the fundamental.
/// </summary>
public sealed record PhaseSetpoint(
    double VoltageV,
    double CurrentA,
    double VoltageAngleDeg,
    double CurrentAngleDeg)
{
    /// <summary>Voltage harmonics: order → (percent of fundamental, angle in degrees).</summary>
    public IReadOnlyList<HarmonicComponent> VoltageHarmonics { get; init; } = [];

    /// <summary>Current harmonics: order → (percent of fundamental, angle in degrees).</summary>
    public IReadOnlyList<HarmonicComponent> CurrentHarmonics { get; init; } = [];
}
