using Bench.Waveforms.Records;

using DspEvent = Bench.Dsp.Events.PqEvent;
using DspEventType = Bench.Dsp.Events.PqEventType;

namespace Bench.Dut.Events;

/// <summary>
/// The reference's side of an event comparison: events found by the reference meter (Bench.Dsp's DipSwellDetector on
/// Urms(1/2)), in the meter's shape. Polyphase events (phase −1) become the mask of all phases; RVCs are not logged by
/// the meter's event log and are left out.
/// </summary>
public static class ReferenceEvents
{
    public static IReadOnlyList<PqEvent> FromReference(IEnumerable<DspEvent> events, DateTimeOffset timeZero, int phases, bool polyphaseOnly = true) => events
        .Where(e => e.Type != DspEventType.Rvc && !e.Unfinished && (!polyphaseOnly || e.Phase < 0 || phases == 1))
        .Select(e => new PqEvent(
            e.Type switch { DspEventType.Dip => PqEventKind.Dip, DspEventType.Swell => PqEventKind.Swell, _ => PqEventKind.Interruption },
            e.Phase < 0 ? (1 << phases) - 1 : 1 << e.Phase,
            timeZero + TimeSpan.FromSeconds(e.StartS),
            TimeSpan.FromSeconds(e.DurationS),
            e.ExtremePercent))
        .OrderBy(e => e.Start)
        .ToList();

    /// <summary>
    /// Events as a meter logs them (IEC 61000-4-30 §5.4.2, polyphase): one per polyphase dip or swell, its phases those
    /// whose own event overlaps it, an interruption when a polyphase interruption overlaps the dip.
    /// </summary>
    public static IReadOnlyList<PqEvent> AsLogged(IReadOnlyList<DspEvent> found, DateTimeOffset timeZero, int phases)
    {
        var polyphase = phases > 1 ? -1 : 0;
        var logged = new List<PqEvent>();
        foreach (var e in found.Where(e => e.Type is DspEventType.Dip or DspEventType.Swell && e.Phase == polyphase && !e.Unfinished))
        {
            bool Overlaps(DspEvent o) => o.StartS < e.StartS + e.DurationS && o.StartS + o.DurationS > e.StartS;
            var interruption = e.Type == DspEventType.Dip && found.Any(o => o.Type == DspEventType.Interruption && o.Phase == polyphase && Overlaps(o));
            var mask = phases == 1 ? 1 : found.Where(o => o.Type == e.Type && o.Phase >= 0 && Overlaps(o)).Aggregate(0, (m, o) => m | (1 << o.Phase));
            logged.Add(new PqEvent(
                interruption ? PqEventKind.Interruption : e.Type == DspEventType.Swell ? PqEventKind.Swell : PqEventKind.Dip,
                mask,
                timeZero + TimeSpan.FromSeconds(e.StartS),
                TimeSpan.FromSeconds(e.DurationS),
                e.ExtremePercent));
        }

        return logged.OrderBy(e => e.Start).ToList();
    }

    /// <summary>
    /// Runs the reference detector over the voltage channels of a waveform record (e.g. a COMTRADE record fetched from
    /// the meter): Urms over one nominal cycle refreshed every half cycle, the half-cycle grid starting at L1's first
    /// rising zero crossing (IEC 61000-4-30 Urms(1/2)), thresholds of standards/power-quality.md §4 (dip 90 %, swell
    /// 110 %, interruption 5 %, hysteresis 2 % of Udin). Times are seconds from the record's first sample.
    /// </summary>
    public static IReadOnlyList<DspEvent> Detect(WaveformRecord record, double declaredVoltageV)
    {
        var voltages = record.Voltages.Select(c => c.Samples).ToArray();
        var events = new List<DspEvent>();
        var detector = new Bench.Dsp.Events.DipSwellDetector(voltages.Length, declaredVoltageV, 90, 110, 5, 2, events.Add);
        var cycle = (int)Math.Round(record.SampleRateHz / record.NominalFrequencyHz);
        var half = Math.Max(1, cycle / 2);
        var urms = new double[voltages.Length];
        for (var end = FirstRisingCrossing(voltages.FirstOrDefault() ?? [], cycle) + cycle; end <= record.SampleCount; end += half)
        {
            for (var k = 0; k < voltages.Length; k++)
            {
                var window = voltages[k].AsSpan(end - cycle, cycle);
                double sum = 0;
                foreach (var x in window)
                {
                    sum += x * x;
                }

                urms[k] = Math.Sqrt(sum / cycle);
            }

            detector.Update(end / record.SampleRateHz, urms);
        }

        detector.Flush(record.SampleCount / record.SampleRateHz);
        return events;
    }

    /// <summary>The first sample at or after a rising zero crossing of L1 within the first cycle (0 when there is none).</summary>
    private static int FirstRisingCrossing(double[] l1, int cycle)
    {
        for (var i = 1; i < Math.Min(l1.Length, cycle + 1); i++)
        {
            if (l1[i - 1] < 0 && l1[i] >= 0)
            {
                return i;
            }
        }

        return 0;
    }
}
