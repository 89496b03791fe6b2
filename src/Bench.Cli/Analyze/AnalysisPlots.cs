using ScottPlot;

namespace Bench.Cli.Analyze;

/// <summary>--plot: PNGs of the first cycles of every analysed channel, the Urms trend per phase and the voltage spectrum.</summary>
public static class AnalysisPlots
{
    public static IReadOnlyList<string> Write(string directory, AnalysisInput input, AnalysisCollector collector)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var fs = input.Record.SampleRateHz;
        var count = Math.Min(input.Record.SampleCount, (int)(5 * fs / input.Settings.NominalFrequencyHz));

        var wave = new Plot();
        foreach (var c in input.Voltages.Concat(input.Currents))
        {
            var ys = c.Samples.Take(count).ToArray();
            var s = wave.Add.Signal(ys, 1 / fs);
            s.LegendText = $"{c.Name} ({c.Unit})";
            if (c.IsCurrent)
            {
                s.Axes.YAxis = wave.Axes.Right;
            }
        }

        wave.Title("Waveform (first 5 cycles)");
        wave.XLabel("Time (s)");
        wave.YLabel("Voltage");
        wave.Axes.Right.Label.Text = input.Currents.Count > 0 ? "Current" : "";
        wave.ShowLegend();
        written.Add(Save(wave, directory, "waveform.png"));

        var trend = new Plot();
        var xs = collector.Trend.Select(t => t.T).ToArray();
        for (var p = 0; p < input.Settings.Phases; p++)
        {
            var ys = collector.Trend.Select(t => t.Urms[p]).ToArray();
            if (xs.Length > 0)
            {
                var sc = trend.Add.Scatter(xs, ys);
                sc.LegendText = AnalysisJson.PhaseNames[p];
                sc.MarkerSize = 0;
            }
        }

        trend.Title("Urms per 10/12-cycle interval");
        trend.XLabel("Time (s)");
        trend.YLabel("Urms (V)");
        trend.ShowLegend();
        written.Add(Save(trend, directory, "rms-trend.png"));

        var spectrum = new Plot();
        var v = collector.Summary;
        for (var p = 0; p < input.Settings.Phases && collector.IntervalCount > 0; p++)
        {
            var fundamental = v.Harmonic(v.HarmonicsUV, p, 1);
            var bars = new List<Bar>();
            for (var h = 2; h <= Math.Min(AnalysisJson.HarmonicOrders, v.MaxOrder); h++)
            {
                var pct = fundamental > 0 ? 100 * v.Harmonic(v.HarmonicsUV, p, h) / fundamental : 0;
                bars.Add(new Bar { Position = h + ((p - 1) * 0.25), Value = double.IsFinite(pct) ? pct : 0, Size = 0.25, FillColor = Colors.Category10[p] });
            }

            spectrum.Add.Bars(bars);
        }

        spectrum.Title("Voltage harmonics (subgroups, % of fundamental)");
        spectrum.XLabel("Harmonic order");
        spectrum.YLabel("% of U1");
        written.Add(Save(spectrum, directory, "spectrum.png"));
        return written;
    }

    private static string Save(Plot plot, string directory, string name)
    {
        var path = Path.Combine(directory, name);
        plot.SavePng(path, 1000, 500);
        return path;
    }
}
