using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Plans.Model;

namespace Bench.Plans.Execution;

/// <summary>
/// A plan point resolved against the meter's ratings: the exact source setting, the limit that applies and where it
/// comes from. Influence points also carry the reference-conditions setting their variation is measured against.
/// </summary>
public sealed record ResolvedPoint(PlanPoint Plan, ThreePhaseSetpoint Setpoint, PointSetpoint Description, double LimitPercent, LimitSource LimitSource)
{
    public ThreePhaseSetpoint? ReferenceConditions { get; init; }

    /// <summary>The meter's ratings the point was resolved against (no-load duration needs Un and Imax).</summary>
    public required DutRatings Ratings { get; init; }

    /// <summary>Unit of <see cref="LimitPercent"/>: "%" of reading, or "mHz", "% of Udin", "% of In" for power-quality points.</summary>
    public string LimitUnit { get; init; } = "%";
}
