using System.Globalization;
using System.Text.Json;

using Bench.Dsp.Events;
using Bench.Dsp.Streaming;

namespace Bench.Cli.Analyze;

/// <summary>
/// Receives the reference meter's output during `bench analyze`: streams every basic interval to a temporary JSON
/// fragment and the optional CSV (memory stays flat for long records), aggregates the whole-record summary, keeps the
/// RMS trend for plots, the events and the last complete Pst/Plt per phase.
/// </summary>
public sealed class AnalysisCollector : IMeterObserver, IDisposable
{
    private readonly IntervalAggregator _summary;
    private readonly Utf8JsonWriter _intervals;
    private readonly Stream _intervalStream;
    private readonly TextWriter? _csv;
    private readonly int _phases;

    public AnalysisCollector(int phases, int maxOrder, string intervalFragmentPath, string? csvPath)
    {
        _phases = phases;
        _summary = new IntervalAggregator(phases, maxOrder);
        Summary = new IntervalValues(phases, maxOrder);
        _intervalStream = File.Create(intervalFragmentPath);
        _intervals = new Utf8JsonWriter(_intervalStream, new JsonWriterOptions { Indented = false, SkipValidation = true });
        Pst = Enumerable.Repeat(double.NaN, phases).ToArray();
        Plt = Enumerable.Repeat(double.NaN, phases).ToArray();
        if (csvPath is not null)
        {
            _csv = new StreamWriter(csvPath);
            var cols = new List<string> { "startS", "durationS", "frequencyHz", "flagged" };
            for (var p = 0; p < phases; p++)
            {
                var n = AnalysisJson.PhaseNames[p];
                cols.AddRange([$"{n}.uRmsV", $"{n}.iRmsA", $"{n}.pW", $"{n}.qVar", $"{n}.sVA", $"{n}.pf", $"{n}.thdUPercent", $"{n}.thdIPercent"]);
            }

            _csv.WriteLine(string.Join(',', cols));
        }
    }

    public int IntervalCount { get; private set; }

    public IntervalValues Summary { get; }

    public List<PqEvent> Events { get; } = [];

    public double[] Pst { get; }

    public double[] Plt { get; }

    public List<(double T, double[] Urms)> Trend { get; } = [];

    public void OnBasicInterval(IntervalValues values)
    {
        if (IntervalCount > 0)
        {
            _intervals.Flush();
            _intervalStream.WriteByte((byte)',');
        }

        AnalysisJson.Interval(_intervals, values);
        _intervals.Flush();
        _intervals.Reset();
        _summary.Add(values);
        Trend.Add((values.StartS, values.UrmsV.ToArray()));
        IntervalCount++;
        _csv?.WriteLine(CsvRow(values));
    }

    public void OnEvent(PqEvent value) => Events.Add(value);

    public void OnFlicker(FlickerValue value)
    {
        if (!value.Complete)
        {
            return;
        }

        if (double.IsFinite(value.Pst))
        {
            Pst[value.Phase] = value.Pst;
        }

        if (double.IsFinite(value.Plt))
        {
            Plt[value.Phase] = value.Plt;
        }
    }

    /// <summary>Closes the interval stream and computes the whole-record summary (RMS of RMS values, mean of powers).</summary>
    public void Finish()
    {
        _intervals.Dispose();
        _intervalStream.Dispose();
        _csv?.Flush();
        if (_summary.Count > 0)
        {
            _summary.Emit(Summary);
        }
    }

    public void Dispose()
    {
        _intervals.Dispose();
        _intervalStream.Dispose();
        _csv?.Dispose();
    }

    private string CsvRow(IntervalValues v)
    {
        var inv = CultureInfo.InvariantCulture;
        var cells = new List<string>
        {
            v.StartS.ToString("0.#######", inv), v.DurationS.ToString("0.#######", inv), v.FrequencyHz.ToString("0.#####", inv), v.Flagged ? "1" : "0",
        };
        for (var p = 0; p < _phases; p++)
        {
            foreach (var x in new[] { v.UrmsV[p], v.IrmsA[p], v.PW[p], v.Q1Var[p], v.SVA[p], v.Pf[p], v.ThdsUPercent[p], v.ThdsIPercent[p] })
            {
                cells.Add(double.IsFinite(x) ? x.ToString("0.######", inv) : "");
            }
        }

        return string.Join(',', cells);
    }
}
