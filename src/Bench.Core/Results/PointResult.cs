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

    public LimitSource? LimitSource { get; init; }

    /// <summary>Expanded uncertainty of the error (k = 2), in percent; null until a budget is computed.</summary>
    public double? UncertaintyPercent { get; init; }

    /// <summary>Test uncertainty ratio: limit / expanded uncertainty.</summary>
    public double? Tur { get; init; }

    public string? DecisionRule { get; init; }

    /// <summary>Integration window on the reference, in seconds of bench time.</summary>
    public double? DurationS { get; init; }
}
