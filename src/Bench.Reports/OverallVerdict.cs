using Bench.Core.Results;

namespace Bench.Reports;

/// <summary>
/// The verdict every Bench report states for a run: <see cref="RunRecord.Verdict"/> (worst point, INCOMPLETE if any
/// point is), except that a run stopped early (<see cref="RunRecord.AbortReason"/>) is INCOMPLETE whatever its
/// attempted points say: the points it never reached are evidence missing. Exit codes should follow it too.
/// </summary>
public static class OverallVerdict
{
    public static Verdict Of(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.AbortReason is null ? run.Verdict : Verdict.Incomplete;
    }
}
