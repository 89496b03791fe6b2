namespace Bench.Dsp.Streaming;

/// <summary>How a value combines over an aggregation interval (IEC 61000-4-30 §4.5).</summary>
public enum AggregationKind
{
    /// <summary>Square root of the mean of the squares: magnitudes, harmonics, unbalance.</summary>
    Rms,

    /// <summary>Arithmetic mean: powers, frequency.</summary>
    Mean,

    /// <summary>Recomputed from aggregated values (power factors) or kept from the last interval (angles).</summary>
    Derived,
}
