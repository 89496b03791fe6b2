using Bench.Core.Results;
using Bench.Plans.Model;
using Bench.Standards.Decisions;

namespace Bench.Plans.Execution.Tests;

/// <summary>What every point test needs besides its point: the bench, the uncertainty figures and the decision rule.</summary>
public sealed record PointRunContext(BenchConnections Bench, BenchUncertaintyFigures Figures, DecisionRule Rule)
{
    public PointResult Result(Model.TestPlan plan, ResolvedPoint point, double? referenceWh, double? meterWh, double? errorPercent, Verdict verdict) =>
        new(point.Plan.Id, plan.Quantity, point.Description, referenceWh, meterWh, errorPercent, point.LimitPercent, verdict)
        {
            LimitSource = point.LimitSource,
            DecisionRule = DecisionRules.Describe(Rule),
            Test = TestName(point),
            ErrorUnit = point.LimitUnit,
        };

    public PointResult Incomplete(Model.TestPlan plan, ResolvedPoint point, string reason) =>
        Result(plan, point, null, null, null, Verdict.Incomplete) with { Reason = reason };

    private static string TestName(ResolvedPoint point) => point.Plan.Test.WireName();
}
