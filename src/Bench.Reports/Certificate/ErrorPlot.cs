using System.Globalization;

using Bench.Core.Results;

using ScottPlot;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>
/// Error (%) against current (% of In, log scale), one series per power factor, with the ± limit of each series drawn as
/// a dashed step envelope. Drawn by ScottPlot straight onto the PDF canvas, so it stays vector with extractable text.
/// </summary>
internal static class ErrorPlot
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"),
        Color.FromHex("#9467bd"), Color.FromHex("#ff7f0e"), Color.FromHex("#17becf"),
    ];

    /// <summary>The points that can be plotted: measured, with a positive current.</summary>
    public static IReadOnlyList<PointResult> Plottable(IEnumerable<PointResult> points) =>
        points.Where(p => p.ErrorPercent is { } e && double.IsFinite(e) && p.Setpoint.CurrentPercentOfNominal > 0).ToList();

    public static void Draw(SKCanvas canvas, SKRect rect, IReadOnlyList<PointResult> points)
    {
        using var plot = Build(points);
        canvas.Save();
        canvas.ClipRect(rect);
        canvas.Translate(rect.Left, rect.Top);
        plot.Render(canvas, (int)rect.Width, (int)rect.Height);
        canvas.Restore();
    }

    public static Plot Build(IReadOnlyList<PointResult> points)
    {
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        var groups = points.GroupBy(p => p.Setpoint.PowerFactor).OrderBy(g => PowerFactorOrder(g.Key)).ToList();
        var extent = 0.0;
        for (var i = 0; i < groups.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var sorted = groups[i].OrderBy(p => p.Setpoint.CurrentPercentOfNominal).ToList();
            var xs = sorted.Select(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal)).ToArray();
            var ys = sorted.Select(p => p.ErrorPercent!.Value).ToArray();
            var series = plot.Add.Scatter(xs, ys, color);
            series.LegendText = $"PF {groups[i].Key}";
            series.MarkerSize = 6;
            series.LineWidth = 1.2f;
            AddEnvelope(plot, sorted, xs, color);
            extent = Math.Max(extent, Math.Max(ys.Max(Math.Abs), sorted.Max(p => Math.Abs(p.LimitPercent))));
        }

        var zero = plot.Add.HorizontalLine(0, 0.6f, Colors.Gray);
        zero.LinePattern = LinePattern.Solid;
        Style(plot, points, extent == 0 ? 1 : extent);
        return plot;
    }

    private static void AddEnvelope(Plot plot, IReadOnlyList<PointResult> sorted, double[] xs, Color color)
    {
        // A step that holds each point's limit until the next point's current; extended a little past the last point.
        var stepX = xs.Append(xs[^1] + 0.15).Prepend(xs[0] - 0.15).ToArray();
        var limits = sorted.Select(p => Math.Abs(p.LimitPercent)).ToList();
        var stepY = limits.Prepend(limits[0]).Append(limits[^1]).ToArray();
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var envelope = plot.Add.Scatter(stepX, stepY.Select(y => sign * y).ToArray(), color.WithAlpha(0.75));
            envelope.ConnectStyle = ConnectStyle.StepHorizontal;
            envelope.LinePattern = LinePattern.Dashed;
            envelope.MarkerSize = 0;
            envelope.LineWidth = 1;
        }
    }

    private static void Style(Plot plot, IReadOnlyList<PointResult> points, double extent)
    {
        var logs = points.Select(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal)).ToList();
        plot.Axes.SetLimits(Math.Floor(logs.Min()) - 0.15, logs.Max() + 0.25, -extent * 1.3, extent * 1.3);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => Math.Pow(10, x).ToString("0.###", CultureInfo.InvariantCulture),
        };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => y.ToString("0.0##", CultureInfo.InvariantCulture),
        };
        plot.XLabel("Current (% of In, log scale)", 9);
        plot.YLabel("Error (%)", 9);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.TickLabelStyle.FontSize = 8;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.05);
        plot.Grid.XAxisStyle.MinorLineStyle.Width = 0.5f;
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.FontSize = 8;
        plot.Legend.FontName = ReportFonts.Family;
    }

    private static int PowerFactorOrder(string pf) => pf.Trim() switch
    {
        "1" or "1.0" => 0,
        var s when s.EndsWith('L') => 1,
        var s when s.EndsWith('C') => 2,
        _ => 3,
    };
}
