namespace Bench.Standards.Limits;

/// <summary>The IEC 61000-4-30 parameters a bench compares between the meter's readings and the reference's.</summary>
public enum PowerQualityParameter
{
    Frequency,
    Voltage,
    Current,
}
