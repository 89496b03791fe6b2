namespace Bench.Waveforms.TestStates;

/// <summary>The measured parameter an IEC 62586-2 test state exercises (its Table 3 rows).</summary>
public enum Iec62586Parameter
{
    Frequency,
    Magnitude,
    Flicker,
    Dip,
    Swell,
    Interruption,
    Unbalance,
    Harmonics,
    Interharmonics,
    MainsSignalling,
    RapidVoltageChange,
}
