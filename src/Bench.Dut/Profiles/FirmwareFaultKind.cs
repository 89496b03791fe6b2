namespace Bench.Dut.Profiles;

/// <summary>Kinds of firmware defects the simulated meter can show.</summary>
public enum FirmwareFaultKind
{
    /// <summary>An extra error (percent) in energy and power when the current is below a threshold.</summary>
    LowCurrentEnergyError,

    /// <summary>The energy register stops counting below a current (a creep threshold set too high).</summary>
    EnergyStallsBelowCurrent,

    /// <summary>Reactive power and energy with the wrong sign.</summary>
    ReactiveSignInverted,

    /// <summary>FLOAT32 registers served word-swapped (CDAB instead of ABCD).</summary>
    FloatWordsSwapped,
}
