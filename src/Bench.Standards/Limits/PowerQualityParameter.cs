namespace Bench.Standards.Limits;

/// <summary>
/// The IEC 61000-4-30 parameters a bench compares between the meter's readings and the reference's, as IEC 62586-2
/// tests them (IEC 61557-12 functions are <see cref="PmdFunction"/>).
/// </summary>
public enum PowerQualityParameter
{
    Frequency,
    Voltage,
    Current,

    // IEC 61000-4-30 parameters beyond the magnitudes (IEC 62586-2 tests them with events, distortion and unbalance).
    VoltageEvents,
    Unbalance,
    VoltageHarmonic,
    VoltageThd,
    Flicker,
}
