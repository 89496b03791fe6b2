using Bench.Waveforms.Synthesis;

namespace Bench.Waveforms.TestStates;

/// <summary>
/// One named IEC 62586-2 test state: the signal, how long to apply it, and the true values with their Class A
/// tolerances. <see cref="PrerollS"/> is the time the record runs before the measured period (flicker filters settle
/// for a minute before the 10-min Pst window, so the record's clock starts that much before a 10-min tick).
/// </summary>
public sealed record Iec62586TestState(string Name, Iec62586Parameter Parameter, string Description, TestSignal Signal, double DurationS)
{
    public IReadOnlyList<Iec62586Expectation> Expectations { get; init; } = [];

    public double PrerollS { get; init; }

    /// <summary>Mains signalling frequency the meter must be set to (NaN when the state has none).</summary>
    public double SignallingFrequencyHz { get; init; } = double.NaN;

    /// <summary>RVC threshold the state is designed for, % of Udin.</summary>
    public double RvcThresholdPercent { get; init; } = 3;

    public double NominalFrequencyHz { get; init; }

    public double NominalVoltageV { get; init; }
}
