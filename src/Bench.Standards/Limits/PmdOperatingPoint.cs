using Bench.Core.Quantities;

namespace Bench.Standards.Limits;

/// <summary>
/// Where a PMD function is checked: the source's setting against the meter's ratings. A limit may depend on it (P and
/// QA by current and angle, THD by its own size) and the standard's rated operating range decides whether it applies.
/// </summary>
public sealed record PmdOperatingPoint(
    double CurrentA,
    double NominalCurrentA,
    double MaximumCurrentA,
    double VoltageV,
    double NominalVoltageV,
    double FrequencyHz,
    double NominalFrequencyHz,
    LoadAngle Angle)
{
    public LoadConnection Load { get; init; } = LoadConnection.Balanced;

    /// <summary>THD the source is set to on the channels the function reads (THDu: voltage, THDi: current), percent.</summary>
    public double ThdPercent { get; init; }

    /// <summary>Neutral current of the setting (vector sum of the phase currents), A.</summary>
    public double NeutralCurrentA { get; init; }

    /// <summary>Voltage unbalance the source is set to, percent.</summary>
    public double UnbalancePercent { get; init; }

    public double CurrentFractionOfNominal => CurrentA / NominalCurrentA;
}
