namespace Bench.Standards.Limits;

/// <summary>
/// The instantaneous quantities a bench compares between the meter's readings and the reference's: IEC 61000-4-30
/// parameters, and IEC 61557-12 functions (f, U, I, P).
/// </summary>
public enum PowerQualityParameter
{
    Frequency,
    Voltage,
    Current,
    ActivePower,

    // IEC 61000-4-30 parameters beyond the magnitudes (IEC 62586-2 tests them with events, distortion and unbalance).
    VoltageEvents,
    Unbalance,
    VoltageHarmonic,
    VoltageThd,
    Flicker,
}
