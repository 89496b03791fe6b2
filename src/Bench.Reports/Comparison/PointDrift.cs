using Bench.Core.Results;

namespace Bench.Reports.Comparison;

/// <summary>
/// One point compared across two runs, matched by point id. <see cref="DriftPercent"/> = candidate error − baseline
/// error, in the unit of the error (% of reading); null when either error is missing.
/// </summary>
public sealed record PointDrift(
    string Id,
    PointSetpoint Setpoint,
    double LimitPercent,
    double? BaselineErrorPercent,
    double? CandidateErrorPercent,
    Verdict? BaselineVerdict,
    Verdict? CandidateVerdict,
    VerdictChange Change)
{
    public double? DriftPercent => BaselineErrorPercent is { } b && CandidateErrorPercent is { } c ? c - b : null;

    /// <summary>|drift| as a fraction of the limit: 0.5 means the error moved by half the tolerance.</summary>
    public double? DriftFractionOfLimit => DriftPercent is { } d && LimitPercent != 0 ? Math.Abs(d) / Math.Abs(LimitPercent) : null;

    /// <summary>The two runs used different setpoints or limits under the same point id (plan edited between runs).</summary>
    public bool SetpointChanged { get; init; }

    /// <summary>|drift| reached <see cref="ComparisonOptions.DriftWarningFractionOfLimit"/> of the limit.</summary>
    public bool LargeDrift { get; init; }
}
