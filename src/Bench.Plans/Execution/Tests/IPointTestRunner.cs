using Bench.Core.Results;
using Bench.Plans.Model;

namespace Bench.Plans.Execution.Tests;

/// <summary>One kind of plan point (accuracy, influence, starting, no-load): one small class with one Run.</summary>
public interface IPointTestRunner
{
    Task<PointResult> RunAsync(TestPlan plan, ResolvedPoint point, CancellationToken cancellationToken);
}
