using System.Globalization;

using Bench.Core.Identity;
using Bench.Dut.Events;
using Bench.Instruments.Roles;
using Bench.Standards.Limits;

namespace Bench.Plans.Execution.Tests;

/// <summary>
/// Turns the programmed sequence into the reference of the comparison when the reference standard measured the events
/// itself: each programmed event takes the measured event that explains it (same kind, or a dip for a short
/// interruption; start within the tolerance), so the meter is judged against a measurement made with the same Class A
/// method, and events shorter than two cycles are judged in full. An event the reference did not see stays judged
/// against its programmed values (said on its line); an event only the reference saw is expected from the meter too.
/// </summary>
public static class MeasuredReferenceEvents
{
    /// <summary>Reads what the reference measured since it was armed and substitutes it; the note names the instrument.</summary>
    public static async Task<(IReadOnlyList<ProgrammedEvent> References, string Note)> ReadAsync(
        IEventRecorder recorder,
        InstrumentIdentity identity,
        DateTimeOffset armedAt,
        IReadOnlyList<ProgrammedEvent> programmed,
        PowerQualityEventLimits limits,
        double frequencyHz,
        CancellationToken cancellationToken)
    {
        var measured = (await recorder.ReadEventsAsync(cancellationToken).ConfigureAwait(false)).Select(e => ToPqEvent(e, armedAt)).ToList();
        var instrument = $"{identity.Manufacturer} {identity.Model} ({identity.Resource})";
        var note = string.Create(CultureInfo.InvariantCulture, $"reference: measured by {instrument}, {measured.Count} event{(measured.Count == 1 ? "" : "s")}");
        return (Substitute(programmed, measured, limits, frequencyHz, instrument), note);
    }

    public static PqEvent ToPqEvent(MeasuredVoltageEvent e, DateTimeOffset armedAt) =>
        new((PqEventKind)(int)e.Kind, e.PhaseMask, armedAt + e.SinceArmed, e.Duration, e.ExtremePercentOfDeclared);

    public static IReadOnlyList<ProgrammedEvent> Substitute(IReadOnlyList<ProgrammedEvent> programmed, IReadOnlyList<PqEvent> measured, PowerQualityEventLimits limits, double frequencyHz, string instrument)
    {
        var unused = measured.OrderBy(e => e.Start).ToList();
        var result = new List<ProgrammedEvent>();
        foreach (var p in programmed)
        {
            var tolerance = limits.Start(frequencyHz, p.TriggerLatency);
            var planned = p.Expected;
            var match = planned is null
                ? unused.FirstOrDefault(m => m.Start >= p.TriggeredAt - tolerance && m.Start <= p.TriggeredAt + tolerance)
                : PqEventComparison.FindMatch(planned, unused, tolerance, dipOrInterruption: p.Short);
            if (match is null)
            {
                result.Add(planned is null ? p : p with { Note = $"{instrument} measured no event here: judged against the programmed values" });
                continue;
            }

            unused.Remove(match);
            result.Add(p with { Expected = match, Planned = planned, Short = false, Note = planned is null ? "programmed inside the thresholds, but the reference measured an event" : null, MeasuredBy = instrument });
        }

        var number = programmed.Count;
        foreach (var extra in unused)
        {
            result.Add(new ProgrammedEvent(++number, extra, extra.ExtremePercentOfDeclared, extra.PhaseMask, TimeSpan.Zero, false)
            {
                MeasuredBy = instrument,
                TriggeredAt = extra.Start,
                Note = string.Create(CultureInfo.InvariantCulture, $"no programmed event explains it (at {extra.Start:HH:mm:ss.fff})"),
            });
        }

        return result;
    }
}
