namespace Bench.Core.Quantities;

/// <summary>One harmonic of a synthesised signal: its order (may be fractional for interharmonics), its size in percent of the fundamental and its angle.</summary>
public sealed record HarmonicComponent(double Order, double PercentOfFundamental, double AngleDeg);
