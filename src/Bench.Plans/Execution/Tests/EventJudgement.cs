using System.Globalization;

using Bench.Dut.Events;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// The events point's view of <see cref="PqEventComparison"/>: pairs the meter's new events with the sequence's
/// reference events (measured by the reference standard, or programmed) and judges each pair with the class's
/// tolerances: found (same kind, start within the tolerance plus the trigger latency), duration within the class's
/// cycles, residual or maximum voltage within its % Udin, same phases. Programmed events shorter than two cycles are
/// judged on detection only: Urms(1/2) is a one-cycle window, so neither their measured duration nor their residual can
/// match the programmed values, and a half-cycle interruption may be logged as a dip (a measured reference has no such
/// excuse). Meter events nothing explains are false detections.
/// </summary>
public static class EventJudgement
{
    public sealed record Outcome(bool Passed, IReadOnlyList<string> Lines, double? WorstExtremeError, double? WorstReference, double? WorstMeter, int Missing, int Extra)
    {
        /// <summary>Each judged pair (reference, meter), in sequence order.</summary>
        public IReadOnlyList<PqEventMatch> Matches { get; init; } = [];
    }

    public static PqEventTolerance Tolerance(PowerQualityEventLimits limits, double frequencyHz, TimeSpan triggerLatency) =>
        new(limits.Start(frequencyHz, triggerLatency), limits.Duration(frequencyHz), limits.ResidualPercentOfUdin);

    public static Outcome Judge(IReadOnlyList<ProgrammedEvent> programmed, IReadOnlyList<PqEvent> meterEvents, PowerQualityEventLimits limits, double frequencyHz)
    {
        var unused = meterEvents.OrderBy(e => e.Start).ToList();
        var lines = new List<string>();
        var matches = new List<PqEventMatch>();
        var passed = true;
        var missing = 0;
        (double Error, double Reference, double Meter)? worst = null;
        foreach (var p in programmed)
        {
            if (p.Expected is not { } r)
            {
                lines.Add(p.Describe(frequencyHz));
                continue;
            }

            var tolerance = Tolerance(limits, frequencyHz, p.TriggerLatency);
            var match = PqEventComparison.FindMatch(r, unused, tolerance.Start, dipOrInterruption: p.Short);
            if (match is null)
            {
                passed = false;
                missing++;
                lines.Add(Invariant($"{p.Describe(frequencyHz)}: MISSING, the meter logged no {r.Kind.ToString().ToLowerInvariant()} starting within ±{tolerance.Start.TotalMilliseconds:0.#} ms"));
                continue;
            }

            unused.Remove(match);
            var seen = Invariant($"meter {match.Kind.ToString().ToLowerInvariant()} {match.ExtremePercentOfDeclared:0.###} % Udin {match.Duration.TotalMilliseconds:0.#} ms {PqEvent.Phases(match.PhaseMask)}, start {(match.Start - r.Start).TotalMilliseconds:+0.#;-0.#;0} ms");
            if (p.Short)
            {
                lines.Add($"{p.Describe(frequencyHz)}: {seen}; detected (shorter than 2 cycles: duration and residual not judged)");
                continue;
            }

            var judged = PqEventComparison.Judge(r, match, tolerance);
            matches.Add(judged);
            if (worst is null || Math.Abs(judged.ExtremeErrorPercentPoints) > Math.Abs(worst.Value.Error))
            {
                worst = (judged.ExtremeErrorPercentPoints, r.ExtremePercentOfDeclared, match.ExtremePercentOfDeclared);
            }

            passed &= judged.Passed;
            lines.Add($"{p.Describe(frequencyHz)}: {seen}; {(judged.Passed ? "agrees" : "FAIL: " + judged.Reason)}");
        }

        foreach (var extra in unused)
        {
            passed = false;
            lines.Add(Invariant($"EXTRA: meter logged a {extra.Kind.ToString().ToLowerInvariant()} {extra.ExtremePercentOfDeclared:0.###} % Udin {extra.Duration.TotalMilliseconds:0.#} ms at {extra.Start:HH:mm:ss.fff} that no programmed event explains"));
        }

        return new Outcome(passed, lines, worst?.Error, worst?.Reference, worst?.Meter, missing, unused.Count) { Matches = matches };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
