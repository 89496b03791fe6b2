using Bench.Core.Results;

namespace Bench.Plans.Execution;

/// <summary>The points of a run in plan order, and why it stopped early if it did.</summary>
public sealed record ExecutionOutcome(IReadOnlyList<PointResult> Points, string? AbortReason);
