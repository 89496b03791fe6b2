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

    /// <summary>"accuracy" (error against the table), "influence" (variation of error), "starting", "no-load" or "power-quality".</summary>
    public string Test { get; init; } = "accuracy";

    /// <summary>Unit of <see cref="ErrorPercent"/> and <see cref="LimitPercent"/>: "%" of reading for energy; "mHz", "% of Udin", "% of In" for power-quality parameters.</summary>
    public string ErrorUnit { get; init; } = "%";

    /// <summary>For power-quality points: the reference's and the meter's reading of the parameter, in <see cref="ValueUnit"/>.</summary>
    public double? ReferenceValue { get; init; }

    public double? MeterValue { get; init; }

    public string? ValueUnit { get; init; }

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
