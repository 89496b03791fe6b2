namespace Bench.Waveforms.Synthesis;

/// <summary>Shape of a flicker modulation of the voltage envelope.</summary>
public enum ModulationShape
{
    Sine,

    /// <summary>Square wave, 50 % duty: two changes per period (IEC 61000-4-15 "changes per minute" = 2·60·f).</summary>
    Rectangular,
}
