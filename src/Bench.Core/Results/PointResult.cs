namespace Bench.Core.Results;

/// <summary>
/// One measured test point, as it goes into the journal, results.json and the certificate.
/// Values are null when the point could not be measured; then <see cref="Reason"/> says why.
/// </summary>
public sealed record PointResult(
    string Id,
    string Quantity,
    PointSetpoint Setpoint,
    double? ReferenceWh,
    double? MeterWh,
    double? ErrorPercent,
    double LimitPercent,
    Verdict Verdict)
{
    public string? Reason { get; init; }

    /// <summary>"accuracy" (error against the table), "influence" (variation of error), "starting" or "no-load".</summary>
    public string Test { get; init; } = "accuracy";

    public LimitSource? LimitSource { get; init; }

    /// <summary>Expanded uncertainty of the error (k = 2), in percent; null until a budget is computed.</summary>
    public double? UncertaintyPercent { get; init; }

    /// <summary>Test uncertainty ratio: limit / expanded uncertainty.</summary>
    public double? Tur { get; init; }

    public string? DecisionRule { get; init; }

    /// <summary>Integration window on the reference, in seconds of bench time (per repeat).</summary>
    public double? DurationS { get; init; }

    /// <summary>Number of repeated gates whose mean is <see cref="ErrorPercent"/>.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Experimental standard deviation of the repeated errors, in percent; null for a single gate.</summary>
    public double? StandardDeviationPercent { get; init; }

    /// <summary>Coverage factor used for <see cref="UncertaintyPercent"/> (2, or Student's t for few degrees of freedom).</summary>
    public double? CoverageFactor { get; init; }

    /// <summary>The GUM budget behind <see cref="UncertaintyPercent"/>.</summary>
    public IReadOnlyList<UncertaintyContribution>? Budget { get; init; }
}
