using Bench.Core.Results;

namespace Bench.Reports.Comparison;

/// <summary>The outcome of <see cref="RunComparison.Compare(RunRecord, RunRecord)"/>; render it with <see cref="ToMarkdown"/> or <see cref="ToText"/>.</summary>
public sealed record ComparisonResult(
    RunSummary Baseline,
    RunSummary Candidate,
    IReadOnlyList<PointDrift> Points,
    IReadOnlyList<string> Warnings,
    ComparisonOptions Options)
{
    public IEnumerable<PointDrift> Regressions => Points.Where(p => p.Change == VerdictChange.Regressed);

    public IEnumerable<PointDrift> Improvements => Points.Where(p => p.Change == VerdictChange.Improved);

    public IEnumerable<PointDrift> VerdictChanges => Points.Where(p => p.Change != VerdictChange.Same);

    public IEnumerable<PointDrift> LargeDrifts => Points.Where(p => p.LargeDrift);

    /// <summary>The point whose error moved most, or null when no point has both errors.</summary>
    public PointDrift? MaxDrift => Points.Where(p => p.DriftPercent is not null).MaxBy(p => Math.Abs(p.DriftPercent!.Value));

    /// <summary>True when no verdict got worse, no point went missing or incomplete, and no drift reached the warning threshold.</summary>
    public bool Clean => !Points.Any(p =>
        p.Change is VerdictChange.Regressed or VerdictChange.Removed || p.CandidateVerdict == Verdict.Incomplete || p.LargeDrift);

    public string ToMarkdown() => ComparisonRenderer.Markdown(this);

    public string ToText() => ComparisonRenderer.Text(this);
}
