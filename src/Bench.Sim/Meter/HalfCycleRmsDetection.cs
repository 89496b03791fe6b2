using Bench.Core.Quantities;
using Bench.Dsp.Events;
using Bench.Dut.Events;
using Bench.Waveforms.Synthesis;

using DspEvent = Bench.Dsp.Events.PqEvent;
using MeterEvent = Bench.Dut.Events.PqEvent;

namespace Bench.Sim.Meter;

/// <summary>
/// The simulated meter's IEC 61000-4-30 Class A event detection: the terminals' voltages around an excursion are
/// synthesised piece by piece (phase-continuous on the grid's clock, so the point on wave where an event starts follows
/// bench time), Urms(1/2) is taken over one cycle refreshed every half cycle, and Bench.Dsp's DipSwellDetector
/// (thresholds of power-quality.md §4) finds the events. So start, duration and residual carry the method's own
/// granularity, as a real Class A meter's do: a half-cycle interruption reads as a dip of about 71 %.
/// </summary>
internal static class HalfCycleRmsDetection
{
    private const int SamplesPerCycle = 256;

    /// <param name="pieces">What the terminals carried from each time on, the first piece a few cycles before the excursion.</param>
    /// <param name="until">End of the last piece, a few cycles after the excursion.</param>
    public static IReadOnlyList<MeterEvent> Detect(IReadOnlyList<(DateTimeOffset From, ThreePhaseSetpoint Output)> pieces, DateTimeOffset until, double declaredV, bool swells)
    {
        var origin = pieces[0].From;
        var frequency = pieces[0].Output.FrequencyHz;
        var rate = SamplesPerCycle * frequency;
        var total = (int)Math.Round((until - origin).TotalSeconds * rate);
        var phases = pieces[0].Output.Phases.Count;
        var voltages = Enumerable.Range(0, phases).Select(_ => new double[total]).ToArray();
        var epoch = origin.UtcDateTime.TimeOfDay.TotalSeconds; // phase-continuous, and not the same point on wave every time
        for (var i = 0; i < pieces.Count; i++)
        {
            var from = (int)Math.Round((pieces[i].From - origin).TotalSeconds * rate);
            var to = i + 1 < pieces.Count ? (int)Math.Round((pieces[i + 1].From - origin).TotalSeconds * rate) : total;
            if (to <= from)
            {
                continue;
            }

            var record = ThreePhaseSynthesizer.Synthesize(pieces[i].Output, rate, to - from, epoch + (from / rate));
            var k = 0;
            foreach (var channel in record.Voltages.Take(phases))
            {
                channel.Samples.AsSpan().CopyTo(voltages[k++].AsSpan(from, to - from));
            }
        }

        var found = new List<DspEvent>();
        var detector = new DipSwellDetector(phases, declaredV, 90, 110, 5, 2, found.Add);
        var urms = new double[phases];
        // The half-cycle grid follows the zero crossings of L1 (at multiples of T/2 on the source's time axis), not the
        // event: where the event starts between two refreshes decides how late the meter sees it.
        const int half = SamplesPerCycle / 2;
        var firstCrossing = (int)(((-(long)Math.Round(epoch * rate) % half) + half) % half);
        for (var end = SamplesPerCycle + firstCrossing; end <= total; end += half)
        {
            for (var k = 0; k < phases; k++)
            {
                double sum = 0;
                foreach (var x in voltages[k].AsSpan(end - SamplesPerCycle, SamplesPerCycle))
                {
                    sum += x * x;
                }

                urms[k] = Math.Sqrt(sum / SamplesPerCycle);
            }

            detector.Update(end / rate, urms);
        }

        detector.Flush(total / rate);
        return ToMeterEvents(found, origin, phases, swells);
    }

    /// <summary>Polyphase events as the meter logs them: a dip that went below the interruption threshold is an interruption.</summary>
    private static List<MeterEvent> ToMeterEvents(List<DspEvent> found, DateTimeOffset origin, int phases, bool swells)
    {
        var polyphase = phases > 1 ? -1 : 0;
        var kind = swells ? PqEventType.Swell : PqEventType.Dip;
        var logged = new List<MeterEvent>();
        foreach (var e in found.Where(e => e.Type == kind && e.Phase == polyphase && !e.Unfinished))
        {
            bool Overlaps(DspEvent o) => o.StartS < e.StartS + e.DurationS && o.StartS + o.DurationS > e.StartS;
            var interruption = !swells && found.Any(o => o.Type == PqEventType.Interruption && o.Phase == polyphase && Overlaps(o));
            var mask = phases == 1 ? 1 : found.Where(o => o.Type == kind && o.Phase >= 0 && Overlaps(o)).Aggregate(0, (m, o) => m | (1 << o.Phase));
            logged.Add(new MeterEvent(
                interruption ? PqEventKind.Interruption : swells ? PqEventKind.Swell : PqEventKind.Dip,
                mask,
                origin + TimeSpan.FromSeconds(e.StartS),
                TimeSpan.FromSeconds(e.DurationS),
                e.ExtremePercent));
        }

        return logged;
    }
}
