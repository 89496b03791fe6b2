using System.Globalization;

using Bench.Dut.Events;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Pairs the meter's new events with the programmed ones and judges each pair: found (same kind, start within the
/// tolerance), duration within the class's cycles, residual or maximum voltage within its % Udin. Events shorter than
/// two cycles are judged on detection only: Urms(1/2) is a one-cycle window, so neither their measured duration nor
/// their residual can match the programmed values, and a half-cycle interruption may be logged as a dip.
/// Meter events nothing explains are false detections.
/// </summary>
public static class EventJudgement
{
    public sealed record Outcome(bool Passed, IReadOnlyList<string> Lines, double? WorstExtremeError, double? WorstReference, double? WorstMeter, int Missing, int Extra);

    public static Outcome Judge(IReadOnlyList<ProgrammedEvent> programmed, IReadOnlyList<PqEvent> meterEvents, PowerQualityEventLimits limits, double frequencyHz)
    {
        var unused = meterEvents.OrderBy(e => e.Start).ToList();
        var lines = new List<string>();
        var passed = true;
        var missing = 0;
        (double Error, double Reference, double Meter)? worst = null;
        var durationTolerance = limits.Duration(frequencyHz);
        foreach (var p in programmed)
        {
            if (p.Expected is not { } r)
            {
                lines.Add(p.Describe(frequencyHz));
                continue;
            }

            var startTolerance = limits.Start(frequencyHz, p.TriggerLatency);
            var match = unused
                .Where(m => (m.Kind == r.Kind || (p.Short && m.Kind is (PqEventKind.Dip or PqEventKind.Interruption) && r.Kind != PqEventKind.Swell))
                    && (m.Start - r.Start).Duration() <= startTolerance)
                .OrderBy(m => (m.Start - r.Start).Duration())
                .FirstOrDefault();
            if (match is null)
            {
                passed = false;
                missing++;
                lines.Add(Invariant($"{p.Describe(frequencyHz)}: MISSING, the meter logged no {r.Kind.ToString().ToLowerInvariant()} starting within ±{startTolerance.TotalMilliseconds:0.#} ms"));
                continue;
            }

            unused.Remove(match);
            var problems = new List<string>();
            var startError = match.Start - r.Start;
            var seen = Invariant($"meter {match.Kind.ToString().ToLowerInvariant()} {match.ExtremePercentOfDeclared:0.###} % Udin {match.Duration.TotalMilliseconds:0.#} ms {ProgrammedEvent.Phases(match.PhaseMask)}, start {startError.TotalMilliseconds:+0.#;-0.#;0} ms");
            if (p.Short)
            {
                lines.Add($"{p.Describe(frequencyHz)}: {seen}; detected (shorter than 2 cycles: duration and residual not judged)");
                continue;
            }

            var durationError = match.Duration - r.Duration;
            if (durationError.Duration() > durationTolerance)
            {
                problems.Add(Invariant($"duration off by {durationError.TotalMilliseconds:+0.#;-0.#} ms (±{durationTolerance.TotalMilliseconds:0.#} ms)"));
            }

            var extremeError = match.ExtremePercentOfDeclared - r.ExtremePercentOfDeclared;
            if (Math.Abs(extremeError) > limits.ResidualPercentOfUdin)
            {
                problems.Add(Invariant($"{(r.Kind == PqEventKind.Swell ? "maximum" : "residual")} off by {extremeError:+0.###;-0.###} % Udin (±{limits.ResidualPercentOfUdin:0.###})"));
            }

            if (match.PhaseMask != r.PhaseMask)
            {
                problems.Add($"phases {ProgrammedEvent.Phases(match.PhaseMask)} instead of {ProgrammedEvent.Phases(r.PhaseMask)}");
            }

            if (worst is null || Math.Abs(extremeError) > Math.Abs(worst.Value.Error))
            {
                worst = (extremeError, r.ExtremePercentOfDeclared, match.ExtremePercentOfDeclared);
            }

            passed &= problems.Count == 0;
            lines.Add($"{p.Describe(frequencyHz)}: {seen}; {(problems.Count == 0 ? "agrees" : "FAIL: " + string.Join("; ", problems))}");
        }

        foreach (var extra in unused)
        {
            passed = false;
            lines.Add(Invariant($"EXTRA: meter logged a {extra.Kind.ToString().ToLowerInvariant()} {extra.ExtremePercentOfDeclared:0.###} % Udin {extra.Duration.TotalMilliseconds:0.#} ms at {extra.Start:HH:mm:ss.fff} that no programmed event explains"));
        }

        return new Outcome(passed, lines, worst?.Error, worst?.Reference, worst?.Meter, missing, unused.Count);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
