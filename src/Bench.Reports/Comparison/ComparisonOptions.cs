namespace Bench.Reports.Comparison;

/// <summary>Thresholds for flagging drift between two runs.</summary>
public sealed record ComparisonOptions
{
    /// <summary>A point is flagged when its error moved by at least this fraction of its limit (default a quarter).</summary>
    public double DriftWarningFractionOfLimit { get; init; } = 0.25;
}
