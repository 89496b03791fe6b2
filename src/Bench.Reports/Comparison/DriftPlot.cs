using System.Globalization;

using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Text;

using ScottPlot;

namespace Bench.Reports.Comparison;

/// <summary>
/// Drift (candidate error − baseline error) against current (% In, log scale), one series per power factor, with the
/// warning threshold (the fraction of each point's limit) as a dashed band and red rings on regressed points. A PNG or
/// SVG for a CI artifact or a merge-request comment, in the certificate's font.
/// </summary>
public static class DriftPlot
{
    private static readonly Color[] Palette = [Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd")];

    /// <param name="reportsDirectory">The reports/ folder with the fonts; default found as for certificates.</param>
    public static void SavePng(ComparisonResult comparison, string path, int width = 900, int height = 450, string? reportsDirectory = null)
    {
        using var plot = Build(comparison, reportsDirectory);
        plot.ScaleFactor = 1.5f;
        plot.SavePng(path, width, height);
    }

    public static void SaveSvg(ComparisonResult comparison, string path, int width = 900, int height = 450, string? reportsDirectory = null)
    {
        using var plot = Build(comparison, reportsDirectory);
        plot.SaveSvg(path, width, height);
    }

    private static Plot Build(ComparisonResult comparison, string? reportsDirectory)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ReportFonts.Load(ReportAssets.ResolveFonts(reportsDirectory));
        var drifted = comparison.Points.Where(p => p.DriftPercent is not null && p.Setpoint.CurrentPercentOfNominal > 0).ToList();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        if (drifted.Count == 0)
        {
            plot.Title("No point was measured in both runs", 10);
            return plot;
        }

        var fraction = comparison.Options.DriftWarningFractionOfLimit;
        var groups = drifted.GroupBy(p => p.Setpoint.PowerFactor).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var sorted = groups[i].OrderBy(p => p.Setpoint.CurrentPercentOfNominal).ToList();
            var xs = sorted.Select(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal)).ToArray();
            foreach (var sign in new[] { 1.0, -1.0 })
            {
                var band = plot.Add.Scatter(xs, sorted.Select(p => sign * fraction * Math.Abs(p.LimitPercent)).ToArray(), color.WithAlpha(0.6));
                band.ConnectStyle = ConnectStyle.StepHorizontal;
                band.LinePattern = LinePattern.Dashed;
                band.MarkerSize = 0;
            }

            var series = plot.Add.Scatter(xs, sorted.Select(p => p.DriftPercent!.Value).ToArray(), color);
            series.LegendText = PointText.PowerFactor(groups[i].Key);
            series.MarkerSize = 6;
        }

        var regressed = drifted.Where(p => p.Change == VerdictChange.Regressed).ToList();
        if (regressed.Count > 0)
        {
            var rings = plot.Add.ScatterPoints(
                regressed.Select(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal)).ToArray(),
                regressed.Select(p => p.DriftPercent!.Value).ToArray(), Color.FromHex("#b01c1c"));
            rings.MarkerShape = MarkerShape.OpenCircle;
            rings.MarkerSize = 13;
            rings.LegendText = "verdict regressed";
        }

        plot.Add.HorizontalLine(0, 0.6f, Colors.Gray);
        var extent = drifted.Max(p => Math.Max(Math.Abs(p.DriftPercent!.Value), fraction * Math.Abs(p.LimitPercent)));
        var asPoints = drifted.Select(p => new PointResult(p.Id, "", p.Setpoint, null, null, p.DriftPercent, p.LimitPercent, Verdict.Pass)).ToList();
        ErrorPlotAxes.Apply(plot, asPoints, extent == 0 ? 1 : extent, "Drift, candidate − baseline (% of reading)");
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"firmware {comparison.Candidate.DutFirmware} vs {comparison.Baseline.DutFirmware}; dashed: ±{fraction:0.##} × limit"), 10);
        return plot;
    }
}
