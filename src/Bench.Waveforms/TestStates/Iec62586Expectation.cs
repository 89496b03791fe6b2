namespace Bench.Waveforms.TestStates;

/// <summary>
/// The true value of one quantity in a test state and the IEC 61000-4-30 Class A tolerance (absolute, in the
/// quantity's unit) a Class A instrument must meet on it.
/// </summary>
public sealed record Iec62586Expectation(Iec62586Quantity Quantity, double Value, double ClassATolerance)
{
    /// <summary>Harmonic or interharmonic order, when the quantity has one.</summary>
    public int Order { get; init; }
}
