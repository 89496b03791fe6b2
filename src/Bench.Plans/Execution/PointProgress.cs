using Bench.Core.Results;

namespace Bench.Plans.Execution;

/// <summary>Reported after each point: its position and result, for progress lines and the operator screen.</summary>
public sealed record PointProgress(int Index, int Count, PointResult Result);
