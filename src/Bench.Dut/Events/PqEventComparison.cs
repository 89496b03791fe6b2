using System.Globalization;

namespace Bench.Dut.Events;

/// <summary>
/// The one event comparison of Bench: a reference event (measured by the reference standard, found in a waveform
/// record, or programmed) is paired with the meter's event of the same kind whose start is nearest and within the
/// tolerance; the pair is then judged on duration, extreme voltage and phases. Meter events no reference explains are
/// false detections. Pure: both lists come from elsewhere (the meter's event log, the reference, a record).
/// The events point (Bench.Plans' EventJudgement) pairs and judges through <see cref="FindMatch"/> and <see cref="Judge"/>.
/// </summary>
public static class PqEventComparison
{
    public static IReadOnlyList<PqEventMatch> Compare(IReadOnlyList<PqEvent> meter, IReadOnlyList<PqEvent> reference, PqEventTolerance tolerance)
    {
        var unused = meter.ToList();
        var result = new List<PqEventMatch>();
        foreach (var r in reference.OrderBy(e => e.Start))
        {
            var candidate = FindMatch(r, unused, tolerance.Start);
            if (candidate is null)
            {
                result.Add(new PqEventMatch(r, null, TimeSpan.Zero, TimeSpan.Zero, 0, false, Invariant($"MISSING, the meter logged no {Name(r.Kind)} starting within ±{tolerance.Start.TotalMilliseconds:0.#} ms of {r.Start:HH:mm:ss.fff}")));
                continue;
            }

            unused.Remove(candidate);
            result.Add(Judge(r, candidate, tolerance));
        }

        foreach (var m in unused)
        {
            result.Add(new PqEventMatch(null, m, TimeSpan.Zero, TimeSpan.Zero, 0, false, Invariant($"EXTRA: meter logged a {Name(m.Kind)} {m.ExtremePercentOfDeclared:0.###} % Udin {m.Duration.TotalMilliseconds:0.#} ms at {m.Start:HH:mm:ss.fff} that no reference event explains")));
        }

        return result;
    }

    /// <summary>
    /// The candidate of the reference's kind whose start is nearest and within <paramref name="startTolerance"/>.
    /// <paramref name="dipOrInterruption"/> accepts either kind for a dip or interruption (a short interruption that
    /// Urms(1/2) sees as a dip).
    /// </summary>
    public static PqEvent? FindMatch(PqEvent reference, IEnumerable<PqEvent> candidates, TimeSpan startTolerance, bool dipOrInterruption = false) => candidates
        .Where(m => (m.Kind == reference.Kind || (dipOrInterruption && reference.Kind != PqEventKind.Swell && m.Kind is (PqEventKind.Dip or PqEventKind.Interruption)))
            && (m.Start - reference.Start).Duration() <= startTolerance)
        .OrderBy(m => (m.Start - reference.Start).Duration())
        .FirstOrDefault();

    /// <summary>Judges a paired event: duration, extreme voltage (residual or maximum) and phases, meter − reference.</summary>
    public static PqEventMatch Judge(PqEvent reference, PqEvent meter, PqEventTolerance tolerance)
    {
        var start = meter.Start - reference.Start;
        var duration = meter.Duration - reference.Duration;
        var extreme = meter.ExtremePercentOfDeclared - reference.ExtremePercentOfDeclared;
        var problems = new List<string>();
        if (duration.Duration() > tolerance.Duration)
        {
            problems.Add(Invariant($"duration off by {duration.TotalMilliseconds:+0.#;-0.#} ms (±{tolerance.Duration.TotalMilliseconds:0.#} ms)"));
        }

        if (Math.Abs(extreme) > tolerance.ExtremePercentPoints)
        {
            problems.Add(Invariant($"{(reference.Kind == PqEventKind.Swell ? "maximum" : "residual")} off by {extreme:+0.###;-0.###} % Udin (±{tolerance.ExtremePercentPoints:0.###})"));
        }

        if (meter.PhaseMask != reference.PhaseMask)
        {
            problems.Add($"phases {PqEvent.Phases(meter.PhaseMask)} instead of {PqEvent.Phases(reference.PhaseMask)}");
        }

        return new PqEventMatch(reference, meter, start, duration, extreme, problems.Count == 0, problems.Count == 0 ? "agrees" : string.Join("; ", problems));
    }

    private static string Name(PqEventKind kind) => kind.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
