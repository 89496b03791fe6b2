namespace Bench.Dsp.Streaming;

/// <summary>
/// A zero crossing of the reference voltage at a fractional global sample position: rising crossings bound cycles,
/// every crossing bounds a half cycle. Synthetic boundaries keep time (at the last period) while the voltage is gone.
/// </summary>
public readonly record struct CycleBoundary(double Position, bool Rising, bool Synthetic);
