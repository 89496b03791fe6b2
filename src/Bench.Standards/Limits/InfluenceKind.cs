namespace Bench.Standards.Limits;

/// <summary>The influence quantities of IEC 62053 (energy-accuracy.md §9) a bench can apply from its source.</summary>
public enum InfluenceKind
{
    /// <summary>Voltage varied (±10 % of Un).</summary>
    Voltage,

    /// <summary>Frequency varied (±2 % of fn).</summary>
    Frequency,

    /// <summary>Reversed phase sequence (L1, L3, L2).</summary>
    ReversedPhaseSequence,

    /// <summary>Voltage unbalance: one phase voltage lost.</summary>
    PhaseLoss,

    /// <summary>Harmonics in voltage and current circuits.</summary>
    Harmonics,
}
