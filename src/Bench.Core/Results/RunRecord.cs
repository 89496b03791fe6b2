using Bench.Core.Identity;

namespace Bench.Core.Results;

/// <summary>
/// Everything one run produced: the structured record behind results.json (schema "bench.results/1"),
/// the certificate and the JUnit file.
/// </summary>
public sealed record RunRecord(
    string RunId,
    string PlanName,
    string Standard,
    string AccuracyClass,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<InstrumentIdentity> Instruments,
    DutDescription Dut,
    IReadOnlyList<PointResult> Points)
{
    /// <summary>
    /// The run's verdict, the one every report and the exit code state: the worst point (INCOMPLETE if any point is),
    /// and INCOMPLETE for a run stopped early whatever its attempted points say: the points it never reached are evidence missing.
    /// </summary>
    public Verdict Verdict => AbortReason is null ? VerdictExtensions.Combine(Points.Select(p => p.Verdict)) : Verdict.Incomplete;

    /// <summary>Why the run stopped early (abort, fault), or null when every planned point was attempted.</summary>
    public string? AbortReason { get; init; }

    /// <summary>"virtual bench" or the bench profile's name.</summary>
    public string BenchName { get; init; } = "";

    public string DecisionRule { get; init; } = "";

    public string SoftwareVersion { get; init; } = "";
}
