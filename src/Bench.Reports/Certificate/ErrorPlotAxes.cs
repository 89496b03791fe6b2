using System.Globalization;

using Bench.Core.Results;

using ScottPlot;

namespace Bench.Reports.Certificate;

/// <summary>
/// Axes, ticks, grid and legend of the error curve (and the drift plot): log current axis labelled in % In, symmetric
/// value axis around zero, legend outside the data.
/// </summary>
internal static class ErrorPlotAxes
{
    public static void Apply(Plot plot, IReadOnlyList<PointResult> points, double extent, string valueLabel = "Error (%)")
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
        plot.YLabel(valueLabel, 9);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.TickLabelStyle.FontSize = 8;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.05);
        plot.Grid.XAxisStyle.MinorLineStyle.Width = 0.5f;
        // Outside the data area, to the right: errors near the limit sit exactly where an inside legend would hide them.
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 8;
        plot.Legend.FontName = ReportFonts.Family;
    }
}
