using Bench.Core.Results;
using Bench.Reports.Text;

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
    /// <summary>
    /// The points of the error curve: measured, with a positive current, and of the run's main load configuration — the
    /// quantity and phases shared by most points (balanced load in a type test). Single-element, influence, starting
    /// and no-load points stay in the table: their errors are judged against other limits, or are variations of error.
    /// </summary>
    public static IReadOnlyList<PointResult> Plottable(IEnumerable<PointResult> points)
    {
        var measured = points.Where(p => p.Test == "accuracy" && p.ErrorUnit == "%"
            && p.ErrorPercent is { } e && double.IsFinite(e) && p.Setpoint.CurrentPercentOfNominal > 0).ToList();
        if (measured.Count == 0)
        {
            return measured;
        }

        var main = measured.GroupBy(p => (p.Quantity, p.Setpoint.Phases)).OrderByDescending(g => g.Count()).First().Key;
        return measured.Where(p => (p.Quantity, p.Setpoint.Phases) == main).ToList();
    }

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
        var byPhases = points.Select(p => p.Setpoint.Phases).Distinct(StringComparer.Ordinal).Count() > 1;
        var byQuantity = points.Select(p => p.Quantity).Distinct(StringComparer.Ordinal).Count() > 1;
        // One series per power factor, split further by phases (balanced vs single element) and quantity when a run mixes
        // them: those carry different limits at the same current.
        var groups = points
            .GroupBy(p => SeriesName(p, byPhases, byQuantity))
            .OrderBy(g => PowerFactorOrder(g.First().Setpoint.PowerFactor)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var series = groups.Select((g, i) => (Name: g.Key, Color: Palette[i % Palette.Length],
            Points: g.OrderBy(p => p.Setpoint.CurrentPercentOfNominal).ToList())).ToList();

        // Envelopes first, under the markers. Series with the same limit profile share one grey envelope.
        foreach (var envelope in series.GroupBy(s => Steps(s.Points), StepsComparer.Instance))
        {
            AddEnvelope(plot, envelope.Key, envelope.Count() == 1 ? envelope.First().Color : Colors.DimGray);
        }

        foreach (var (name, color, sorted) in series)
        {
            var xs = sorted.Select(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal)).ToArray();
            var ys = sorted.Select(p => p.ErrorPercent!.Value).ToArray();
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LegendText = name;
            scatter.MarkerSize = 6;
            scatter.LineWidth = 1.2f;
            AddUncertainty(plot, sorted, xs, ys, color);
        }

        var extent = points.Max(p => Math.Max(Math.Abs(p.ErrorPercent!.Value) + (p.UncertaintyPercent ?? 0), Math.Abs(p.LimitPercent)));
        MarkNonPassing(plot, points);
        var zero = plot.Add.HorizontalLine(0, 0.6f, Colors.Gray);
        zero.LinePattern = LinePattern.Solid;
        ErrorPlotAxes.Apply(plot, points, extent == 0 ? 1 : extent);
        return plot;
    }

    private static string SeriesName(PointResult p, bool byPhases, bool byQuantity)
    {
        var name = PointText.PowerFactor(p.Setpoint.PowerFactor);
        if (byPhases)
        {
            name += ", " + p.Setpoint.Phases;
        }

        return byQuantity ? $"{p.Quantity}, {name}" : name;
    }

    /// <summary>±U error bars where the run states an expanded uncertainty.</summary>
    private static void AddUncertainty(Plot plot, IReadOnlyList<PointResult> sorted, double[] xs, double[] ys, Color color)
    {
        var indexes = Enumerable.Range(0, sorted.Count).Where(i => sorted[i].UncertaintyPercent is { } u && double.IsFinite(u)).ToList();
        if (indexes.Count == 0)
        {
            return;
        }

        var bars = plot.Add.ErrorBar(
            indexes.Select(i => xs[i]).ToList(), indexes.Select(i => ys[i]).ToList(), indexes.Select(i => sorted[i].UncertaintyPercent!.Value).ToList());
        bars.Color = color;
        bars.LineWidth = 1;
        bars.CapSize = 4;
    }

    private static void MarkNonPassing(Plot plot, IReadOnlyList<PointResult> points)
    {
        var marked = points.Where(p => p.Verdict != Verdict.Pass).ToList();
        if (marked.Count == 0)
        {
            return;
        }

        var rings = plot.Add.ScatterPoints(
            marked.Select(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal)).ToArray(),
            marked.Select(p => p.ErrorPercent!.Value).ToArray(),
            Color.FromHex("#b01c1c"));
        rings.MarkerShape = MarkerShape.OpenCircle;
        rings.MarkerSize = 13;
        rings.MarkerLineWidth = 1.5f;
        rings.LegendText = "not PASS";
    }

    /// <summary>
    /// The limit as a step over log current: held from each distinct current to the next; where repeats at one current
    /// carry different limits the stricter one is drawn.
    /// </summary>
    private static List<(double X, double Limit)> Steps(IReadOnlyList<PointResult> sorted) =>
        sorted.GroupBy(p => Math.Log10(p.Setpoint.CurrentPercentOfNominal))
            .Select(g => (X: g.Key, Limit: g.Min(p => Math.Abs(p.LimitPercent)))).ToList();

    private static void AddEnvelope(Plot plot, List<(double X, double Limit)> steps, Color color)
    {
        // Extended a little past both ends so the first and last points sit inside a visible segment.
        var stepX = steps.Select(s => s.X).Append(steps[^1].X + 0.15).Prepend(steps[0].X - 0.15).ToArray();
        var stepY = steps.Select(s => s.Limit).Prepend(steps[0].Limit).Append(steps[^1].Limit).ToArray();
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var envelope = plot.Add.Scatter(stepX, stepY.Select(y => sign * y).ToArray(), color.WithAlpha(0.75));
            envelope.ConnectStyle = ConnectStyle.StepHorizontal;
            envelope.LinePattern = LinePattern.Dashed;
            envelope.MarkerSize = 0;
            envelope.LineWidth = 1;
        }
    }

    private sealed class StepsComparer : IEqualityComparer<List<(double X, double Limit)>>
    {
        public static readonly StepsComparer Instance = new();

        public bool Equals(List<(double X, double Limit)>? a, List<(double X, double Limit)>? b) =>
            a is not null && b is not null && a.SequenceEqual(b);

        public int GetHashCode(List<(double X, double Limit)> steps) => steps.Count;
    }

    private static int PowerFactorOrder(string pf) => pf.Trim() switch
    {
        "1" or "1.0" => 0,
        var s when s.EndsWith('L') => 1,
        var s when s.EndsWith('C') => 2,
        _ => 3,
    };
}
