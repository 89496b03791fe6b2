using System.Globalization;

namespace Bench.Dut.Events;

/// <summary>
/// Compares the meter's event log with the reference's: each reference event is paired with the meter event of the
/// same kind whose start is nearest (and within tolerance); then duration and extreme voltage are judged. Unpaired
/// meter events are reported as false detections. Pure: both lists come from elsewhere (ModbusEventLog, the reference).
/// </summary>
public static class PqEventComparison
{
    public static IReadOnlyList<PqEventMatch> Compare(IReadOnlyList<PqEvent> meter, IReadOnlyList<PqEvent> reference, PqEventTolerance tolerance)
    {
        var unused = meter.ToList();
        var result = new List<PqEventMatch>();
        foreach (var r in reference.OrderBy(e => e.Start))
        {
            var candidate = unused
                .Where(m => m.Kind == r.Kind && (m.Start - r.Start).Duration() <= tolerance.Start)
                .OrderBy(m => (m.Start - r.Start).Duration())
                .FirstOrDefault();
            if (candidate is null)
            {
                result.Add(new PqEventMatch(r, null, TimeSpan.Zero, TimeSpan.Zero, 0, false, Invariant($"meter logged no {r.Kind} starting within {tolerance.Start.TotalMilliseconds:0} ms of {r.Start:HH:mm:ss.fff}")));
                continue;
            }

            unused.Remove(candidate);
            var start = candidate.Start - r.Start;
            var duration = candidate.Duration - r.Duration;
            var extreme = candidate.ExtremePercentOfDeclared - r.ExtremePercentOfDeclared;
            var problems = new List<string>();
            if (duration.Duration() > tolerance.Duration)
            {
                problems.Add(Invariant($"duration off by {duration.TotalMilliseconds:0.#} ms (±{tolerance.Duration.TotalMilliseconds:0.#})"));
            }

            if (Math.Abs(extreme) > tolerance.ExtremePercentPoints)
            {
                problems.Add(Invariant($"{(r.Kind == PqEventKind.Swell ? "maximum" : "residual")} voltage off by {extreme:0.###} % Udin (±{tolerance.ExtremePercentPoints:0.###})"));
            }

            result.Add(new PqEventMatch(r, candidate, start, duration, extreme, problems.Count == 0, problems.Count == 0 ? "agrees" : string.Join("; ", problems)));
        }

        foreach (var m in unused)
        {
            result.Add(new PqEventMatch(null, m, TimeSpan.Zero, TimeSpan.Zero, 0, false, Invariant($"meter logged a {m.Kind} at {m.Start:HH:mm:ss.fff} the reference did not see")));
        }

        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
