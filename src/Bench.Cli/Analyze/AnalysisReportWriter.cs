using System.Text.Json;

using Bench.Dsp.Events;
using Bench.Dsp.Streaming;

namespace Bench.Cli.Analyze;

/// <summary>Assembles the final "bench.analysis/1" document: nominal, summary, the streamed intervals, events.</summary>
public static class AnalysisReportWriter
{
    public static void Write(string path, AnalysisInput input, AnalysisCollector collector, string intervalFragmentPath)
    {
        using var stream = File.Create(path);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", AnalysisJson.Schema);
            Source(w, input, collector);
            w.WriteStartObject("nominal");
            AnalysisJson.Number(w, "voltageV", input.Settings.NominalVoltageV);
            AnalysisJson.Number(w, "frequencyHz", input.Settings.NominalFrequencyHz);
            w.WriteString("wiring", AnalysisInput.WiringName(input.Settings.Wiring));
            w.WriteEndObject();
            Summary(w, collector);
            w.WritePropertyName("intervals");
            w.Flush();
        }

        // The intervals were streamed during the analysis; splice them in as the array's elements.
        stream.Write("["u8);
        using (var fragment = File.OpenRead(intervalFragmentPath))
        {
            fragment.CopyTo(stream);
        }

        stream.Write("],\n  \"events\": "u8);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Events(w, collector.Events, input.Settings.Phases);
        }

        stream.Write("\n}\n"u8);
    }

    private static void Source(Utf8JsonWriter w, AnalysisInput input, AnalysisCollector collector)
    {
        w.WriteStartObject("source");
        w.WriteString("file", Path.GetFileName(input.Source));
        AnalysisJson.Number(w, "sampleRateHz", input.Record.SampleRateHz);
        w.WriteNumber("samples", input.Record.SampleCount);
        AnalysisJson.Number(w, "durationS", input.Record.DurationS);
        if (input.Record.StartTime is { } start)
        {
            w.WriteString("startTime", start.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteStartArray("voltageChannels");
        foreach (var c in input.Voltages)
        {
            w.WriteStringValue(c.Name);
        }

        w.WriteEndArray();
        w.WriteStartArray("currentChannels");
        foreach (var c in input.Currents)
        {
            w.WriteStringValue(c.Name);
        }

        w.WriteEndArray();
        w.WriteNumber("basicIntervals", collector.IntervalCount);
        w.WriteNumber("listedIntervals", collector.ListedCount);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, AnalysisCollector c)
    {
        var v = c.Summary;
        w.WriteStartObject("summary");
        AnalysisJson.Number(w, "frequencyHz", c.IntervalCount > 0 ? v.FrequencyHz : double.NaN, 5);
        w.WriteStartArray("phases");
        if (c.IntervalCount > 0)
        {
            for (var p = 0; p < v.Phases; p++)
            {
                AnalysisJson.Phase(w, v, p, c.Pst[p], c.Plt[p]);
            }
        }

        w.WriteEndArray();
        w.WriteStartObject("unbalance");
        AnalysisJson.Number(w, "u0Percent", c.IntervalCount > 0 ? v.Total(TotalField.U0Percent) : double.NaN, 5);
        AnalysisJson.Number(w, "u2Percent", c.IntervalCount > 0 ? v.Total(TotalField.U2Percent) : double.NaN, 5);
        w.WriteEndObject();
        if (c.IntervalCount > 0)
        {
            AnalysisJson.Totals(w, v);
        }

        w.WriteEndObject();
    }

    private static void Events(Utf8JsonWriter w, List<PqEvent> events, int phases)
    {
        w.WriteStartArray();
        foreach (var e in events.OrderBy(e => e.StartS).ThenBy(e => e.Phase < 0 ? phases : e.Phase))
        {
            w.WriteStartObject();
            w.WriteString("type", e.Type.ToString().ToLowerInvariant());
            w.WriteString("phase", e.Phase < 0 ? "poly" : AnalysisJson.PhaseNames[e.Phase]);
            AnalysisJson.Number(w, "startS", e.StartS, 7);
            AnalysisJson.Number(w, "durationS", e.DurationS, 7);
            AnalysisJson.Number(w, "extremeV", e.ExtremeV, 5);
            AnalysisJson.Number(w, "extremePercent", e.ExtremePercent, 5);
            if (e.Type == PqEventType.Rvc)
            {
                AnalysisJson.Number(w, "steadyChangeV", e.SteadyChangeV, 5);
            }

            if (e.Unfinished)
            {
                w.WriteBoolean("unfinished", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
