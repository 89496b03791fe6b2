using Bench.Core.Results;

namespace Bench.Reports.Certificate;

/// <summary>
/// The distinct sources of a run's limits, numbered in order of first use, so each limit cell can say which clause it
/// comes from ("±0.200 [2]") when the run draws on more than one.
/// </summary>
internal sealed class LimitSources
{
    private readonly List<string> sources;

    public LimitSources(RunRecord run) =>
        sources = run.Points.Where(p => p.LimitSource is not null).Select(p => p.LimitSource!.ToString()).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> All => sources;

    public bool Numbered => sources.Count > 1;

    /// <summary>" [n]" for a point's source when sources are numbered, else "".</summary>
    public string Reference(PointResult p) =>
        Numbered && p.LimitSource is not null ? $" [{sources.IndexOf(p.LimitSource.ToString()) + 1}]" : "";

    /// <summary>The method section's list: one "[n] …" line per source when numbered.</summary>
    public string Describe() => sources.Count == 0 ? "not stated"
        : Numbered ? string.Join("\n", sources.Select((s, i) => $"[{i + 1}] {s}"))
        : sources[0];
}
