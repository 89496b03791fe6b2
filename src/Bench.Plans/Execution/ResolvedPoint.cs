using Bench.Core.Quantities;
using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution;

/// <summary>A plan point resolved against the meter's ratings: the exact source setting and the limit that applies.</summary>
public sealed record ResolvedPoint(PlanPoint Plan, ThreePhaseSetpoint Setpoint, PointSetpoint Description, EnergyLimitRow Limit);
