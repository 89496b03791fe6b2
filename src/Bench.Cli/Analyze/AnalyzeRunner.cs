using System.Diagnostics;
using System.Globalization;

using Bench.Dsp.Streaming;

namespace Bench.Cli.Analyze;

/// <summary>What `bench analyze` does once its arguments are parsed: load, measure, write, summarise.</summary>
public static class AnalyzeRunner
{
    public sealed record Options(string Waveform, string JsonOut, string? CsvOut, string? PlotDir, double? NominalVoltage, double? NominalFrequency, Wiring? Wiring)
    {
        /// <summary>Which values the "intervals" list holds: null for every basic interval, else an aggregation level.</summary>
        public AggregationLevel? ListLevel { get; init; }
    }

    public static Task<int> RunAsync(Options o, TextWriter stdout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var record = AnalysisInput.Load(o.Waveform);
        var loadMs = clock.Elapsed.TotalMilliseconds;
        var input = AnalysisInput.Prepare(record, o.Waveform, o.NominalVoltage, o.NominalFrequency, o.Wiring);
        var fragment = Path.Combine(Path.GetTempPath(), $"bench-analyze-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            EnsureDirectory(o.JsonOut);
            if (o.CsvOut is not null)
            {
                EnsureDirectory(o.CsvOut);
            }

            using var collector = new AnalysisCollector(input.Settings.Phases, Math.Max(input.Settings.EffectiveMaxHarmonicOrder, input.Settings.MaxHarmonicOrder), fragment, o.CsvOut, o.ListLevel);
            var meter = new ReferenceMeter(input.Settings, collector);
            const int block = 1 << 15;
            var engineClock = Stopwatch.StartNew();
            for (var first = 0; first < record.SampleCount; first += block)
            {
                ct.ThrowIfCancellationRequested();
                meter.Process(input.Frames(first, Math.Min(block, record.SampleCount - first)));
            }

            meter.Complete();
            var engineMs = engineClock.Elapsed.TotalMilliseconds;
            collector.Finish();
            AnalysisReportWriter.Write(o.JsonOut, input, collector, fragment);
            var plots = o.PlotDir is null ? [] : AnalysisPlots.Write(o.PlotDir, input, collector);
            PrintSummary(stdout, input, collector, o, plots, loadMs, engineMs, clock.Elapsed.TotalMilliseconds);
            return Task.FromResult(0);
        }
        finally
        {
            File.Delete(fragment);
        }
    }

    private static void EnsureDirectory(string file)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
    }

    private static void PrintSummary(TextWriter w, AnalysisInput input, AnalysisCollector c, Options o, IReadOnlyList<string> plots, double loadMs, double engineMs, double totalMs)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = input.Settings;
        var r = input.Record;
        w.WriteLine(string.Create(inv, $"{Path.GetFileName(o.Waveform)}: {r.DurationS:0.###} s at {r.SampleRateHz:0.###} Hz ({s.SamplesPerNominalCycle:0.#} samples/cycle), {AnalysisInput.WiringName(s.Wiring)}, Udin {s.NominalVoltageV:0.###} V, {s.NominalFrequencyHz:0} Hz"));
        if (c.IntervalCount == 0)
        {
            w.WriteLine("no whole 10/12-cycle interval in the record: nothing measured");
        }
        else
        {
            var v = c.Summary;
            w.WriteLine(string.Create(inv, $"f {v.FrequencyHz:0.0000} Hz over {c.IntervalCount} intervals; u2 {v.Total(TotalField.U2Percent):0.###} %"));
            for (var p = 0; p < s.Phases; p++)
            {
                var line = string.Create(inv, $"  {AnalysisJson.PhaseNames[p]}: U {v.UrmsV[p]:0.###} V, THDu {v.ThdsUPercent[p]:0.##} %");
                if (input.Currents.Count > 0)
                {
                    line += string.Create(inv, $", I {v.IrmsA[p]:0.####} A, P {v.PW[p]:0.###} W, Q {v.Q1Var[p]:0.###} var, PF {v.Pf[p]:0.####}");
                }

                if (double.IsFinite(c.Pst[p]))
                {
                    line += string.Create(inv, $", Pst {c.Pst[p]:0.###}");
                }

                w.WriteLine(line);
            }

            if (input.Currents.Count > 0 && s.Phases == 3)
            {
                w.WriteLine(string.Create(inv, $"  total: P {v.Total(TotalField.PW):0.###} W, Q {v.Total(TotalField.Q1Var):0.###} var, Se {v.Total(TotalField.SeVA):0.###} VA, PF {v.Total(TotalField.Pf):0.####}"));
            }
        }

        w.WriteLine(string.Create(inv, $"events: {c.Events.Count} ({string.Join(", ", c.Events.GroupBy(e => e.Type).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))})"));
        w.WriteLine(string.Create(inv, $"wrote {o.JsonOut}{(o.CsvOut is null ? "" : ", " + o.CsvOut)}{(plots.Count == 0 ? "" : ", " + string.Join(", ", plots))}"));
        w.WriteLine(string.Create(inv, $"time: load {loadMs:0} ms, engine {engineMs:0} ms ({r.DurationS * 1000 / Math.Max(engineMs, 1e-3):0}x real time), total {totalMs:0} ms"));
    }
}
