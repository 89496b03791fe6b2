namespace Bench.Waveforms.TestStates;

/// <summary>What an <see cref="Iec62586Expectation"/> states the true value of.</summary>
public enum Iec62586Quantity
{
    /// <summary>10-s power frequency, Hz.</summary>
    FrequencyHz,

    /// <summary>10/12-cycle RMS of every phase voltage, V.</summary>
    VoltageV,

    /// <summary>10-min short-term flicker severity of every phase.</summary>
    Pst,

    /// <summary>Residual (dip, interruption) or maximum (swell) of the polyphase event, % of Udin.</summary>
    ExtremePercent,

    /// <summary>Duration of the polyphase event, s.</summary>
    DurationS,

    /// <summary>Negative-sequence unbalance u2, %.</summary>
    U2Percent,

    /// <summary>Zero-sequence unbalance u0, %.</summary>
    U0Percent,

    /// <summary>Harmonic subgroup of <see cref="Iec62586Expectation.Order"/> on every phase, V.</summary>
    HarmonicV,

    /// <summary>Interharmonic centred subgroup between <see cref="Iec62586Expectation.Order"/> and the next order, V.</summary>
    InterharmonicV,

    /// <summary>Mains signalling voltage at the state's signalling frequency on every phase, V.</summary>
    SignallingV,

    /// <summary>ΔUss of the polyphase rapid voltage change, V.</summary>
    RvcSteadyChangeV,
}
