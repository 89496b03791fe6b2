namespace Bench.Standards.Uncertainty;

/// <summary>How a Type B input is known (GUM §4.3; shared/standards/decision-rules.md §3).</summary>
public enum Distribution
{
    /// <summary>Type A: standard deviation of the mean of repeated observations.</summary>
    Observed,

    /// <summary>From a certificate: u = U/k.</summary>
    Normal,

    /// <summary>±a limits with equal probability inside (specifications, resolution): u = a/√3.</summary>
    Rectangular,

    /// <summary>±a, values near the centre more likely: u = a/√6.</summary>
    Triangular,

    /// <summary>±a, values near the limits more likely (sinusoidal quantities): u = a/√2.</summary>
    UShaped,
}
