using Bench.Dut.Events;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// One event as the source was told to run it, in the meter's shape: the reference of an event comparison when the
/// reference standard detects no events itself. <see cref="Expected"/> is null for a setting between the dip and swell
/// thresholds (no event expected); <see cref="TriggerLatency"/> is how long the trigger took to send (the start lies in it).
/// </summary>
public sealed record ProgrammedEvent(int Number, PqEvent? Expected, double ResidualPercent, int PhaseMask, TimeSpan TriggerLatency, bool Short)
{
    /// <summary>Thresholds of power-quality.md §4 (typical, unconfirmed): dip below 90 % Udin, swell above 110 %, interruption below 5 % on every phase.</summary>
    public static PqEventKind? KindOf(double extremePercentOfUdin, bool allPhases) => extremePercentOfUdin switch
    {
        < 5 when allPhases => PqEventKind.Interruption,
        < 90 => PqEventKind.Dip,
        > 110 => PqEventKind.Swell,
        _ => null,
    };

    public string Describe(double frequencyHz) => Expected is { } e
        ? FormattableString.Invariant($"#{Number} {e.Kind.ToString().ToLowerInvariant()} {e.ExtremePercentOfDeclared:0.###} % Udin {e.Duration.TotalMilliseconds:0.#} ms ({e.Duration.TotalSeconds * frequencyHz:0.#} cycles) {Phases(e.PhaseMask)}")
        : FormattableString.Invariant($"#{Number} {ResidualPercent:0.###} % on {Phases(PhaseMask)} (inside the thresholds: no event expected)");

    public static string Phases(int mask) => string.Join(" ", Enumerable.Range(0, 3).Where(k => (mask & (1 << k)) != 0).Select(k => $"L{k + 1}"));
}
