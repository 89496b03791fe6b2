namespace Bench.Dsp.Streaming;

/// <summary>How the meter is connected. Voltages are phase-to-neutral for 1P2W and 3P4W, phase-to-phase (U12, U23, U31) for 3P3W.</summary>
public enum Wiring
{
    /// <summary>One phase, two wires: U1, I1.</summary>
    OnePhaseTwoWire,

    /// <summary>Three phases, three wires: U12, U23, U31 and I1, I2, I3.</summary>
    ThreePhaseThreeWire,

    /// <summary>Three phases, four wires: U1, U2, U3 to neutral and I1, I2, I3.</summary>
    ThreePhaseFourWire,
}
