using Bench.Core.Results;

namespace Bench.Reports.Comparison;

/// <summary>
/// Point-by-point drift between two runs of the same plan, e.g. two firmware builds of one meter: error difference,
/// verdict changes, added and removed points, and warnings when the runs are not comparable as they stand.
/// </summary>
public static class RunComparison
{
    public static ComparisonResult Compare(RunRecord baseline, RunRecord candidate) => Compare(baseline, candidate, new ComparisonOptions());

    public static ComparisonResult Compare(RunRecord baseline, RunRecord candidate, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        Warn(warnings, "plan", baseline.PlanName, candidate.PlanName);
        Warn(warnings, "standard", baseline.Standard, candidate.Standard);
        Warn(warnings, "accuracy class", baseline.AccuracyClass, candidate.AccuracyClass);
        Warn(warnings, "DUT model", baseline.Dut.Identity.Model, candidate.Dut.Identity.Model);
        Warn(warnings, "DUT serial", baseline.Dut.Identity.SerialNumber, candidate.Dut.Identity.SerialNumber); // unit-to-unit spread, not drift
        Warn(warnings, "bench", baseline.BenchName, candidate.BenchName);

        var before = Index(baseline, "baseline", warnings);
        var after = Index(candidate, "candidate", warnings);
        var drifts = new List<PointDrift>();
        foreach (var c in after.Values)
        {
            if (before.TryGetValue(c.Id, out var b))
            {
                var drift = new PointDrift(c.Id, c.Setpoint, c.LimitPercent, b.ErrorPercent, c.ErrorPercent, b.Verdict, c.Verdict, Change(b.Verdict, c.Verdict))
                {
                    SetpointChanged = b.Setpoint != c.Setpoint || b.LimitPercent != c.LimitPercent,
                };
                drifts.Add(drift with { LargeDrift = drift.DriftFractionOfLimit >= options.DriftWarningFractionOfLimit });
            }
            else
            {
                drifts.Add(new PointDrift(c.Id, c.Setpoint, c.LimitPercent, null, c.ErrorPercent, null, c.Verdict, VerdictChange.Added));
            }
        }

        drifts.AddRange(before.Values.Where(b => !after.ContainsKey(b.Id))
            .Select(b => new PointDrift(b.Id, b.Setpoint, b.LimitPercent, b.ErrorPercent, null, b.Verdict, null, VerdictChange.Removed)));
        if (drifts.Any(d => d.SetpointChanged))
        {
            warnings.Add("some points changed setpoint or limit under the same id: " +
                string.Join(", ", drifts.Where(d => d.SetpointChanged).Select(d => d.Id)));
        }

        return new ComparisonResult(RunSummary.Of(baseline), RunSummary.Of(candidate), drifts, warnings, options);
    }

    /// <summary>Rank for "worse": PASS 0 … FAIL 3. INCOMPLETE has no rank.</summary>
    internal static VerdictChange Change(Verdict before, Verdict after)
    {
        if (before == after)
        {
            return VerdictChange.Same;
        }

        if (before == Verdict.Incomplete || after == Verdict.Incomplete)
        {
            return VerdictChange.Undecided;
        }

        return Rank(after) > Rank(before) ? VerdictChange.Regressed : VerdictChange.Improved;
    }

    private static int Rank(Verdict v) => v switch
    {
        Verdict.Pass => 0,
        Verdict.ConditionalPass => 1,
        Verdict.ConditionalFail => 2,
        _ => 3,
    };

    private static Dictionary<string, PointResult> Index(RunRecord run, string side, List<string> warnings)
    {
        var index = new Dictionary<string, PointResult>(StringComparer.Ordinal);
        foreach (var p in run.Points)
        {
            if (!index.TryAdd(p.Id, p))
            {
                warnings.Add($"{side} run {run.RunId} has point id {p.Id} more than once; the first is compared");
            }
        }

        return index;
    }

    private static void Warn(List<string> warnings, string what, string baseline, string candidate)
    {
        if (!string.Equals(baseline, candidate, StringComparison.Ordinal))
        {
            warnings.Add($"{what} differs: baseline \"{baseline}\", candidate \"{candidate}\"");
        }
    }
}
