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
    /// Runs the reference detector over the voltage channels of a waveform record (e.g. a COMTRADE record fetched from
    /// the meter): Urms over one nominal cycle refreshed every half cycle (IEC 61000-4-30 Urms(1/2)), thresholds of
    /// standards/power-quality.md §4 (dip 90 %, swell 110 %, interruption 5 %, hysteresis 2 % of Udin).
    /// </summary>
    public static IReadOnlyList<DspEvent> Detect(WaveformRecord record, double declaredVoltageV)
    {
        var voltages = record.Voltages.Select(c => c.Samples).ToArray();
        var events = new List<DspEvent>();
        var detector = new Bench.Dsp.Events.DipSwellDetector(voltages.Length, declaredVoltageV, 90, 110, 5, 2, events.Add);
        var cycle = (int)Math.Round(record.SampleRateHz / record.NominalFrequencyHz);
        var half = Math.Max(1, cycle / 2);
        var urms = new double[voltages.Length];
        for (var end = cycle; end <= record.SampleCount; end += half)
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
}
