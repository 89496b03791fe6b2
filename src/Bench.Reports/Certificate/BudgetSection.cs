using System.Globalization;

using Bench.Core.Results;
using Bench.Reports.Layout;
using Bench.Reports.Text;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>
/// The GUM budget behind each point's U, when the run carries one. A few points get a full table each (component, type,
/// distribution, stated value, u); many points get one compact matrix (a column of u per component), with the
/// components listed once above it. Both end with u_c (root-sum-square, uncorrelated relative terms) and U = k·u_c.
/// </summary>
internal static class BudgetSection
{
    /// <summary>Up to this many budgeted points, each gets its own table.</summary>
    public const int DetailedUpTo = 4;

    private const int MaxMatrixComponents = 7;

    private static readonly TableColumn[] DetailColumns =
    [
        new("Component", 4.2f), new("Type", 0.6f, SKTextAlign.Center), new("Distribution", 1.2f),
        new("Stated (%)", 1f, SKTextAlign.Right), new("u (%)", 1f, SKTextAlign.Right),
    ];

    public static bool Applies(RunRecord run) => run.Points.Any(p => p.Budget is { Count: > 0 });

    public static void Add(DocumentLayout doc, RunRecord run, string number)
    {
        doc.Heading($"{number}  Uncertainty budgets", keepWithNext: 170);
        doc.Paragraph("Relative contributions to the uncertainty of each point's error, in percent of reading. Components are taken " +
            "as uncorrelated with sensitivity 1: u_c = √(Σ u²); U = k·u_c (GUM, JCGM 100).", doc.Styles.Small);

        // Points whose budgets list the same components (accuracy points; influence points) share one matrix.
        var groups = run.Points.Where(p => p.Budget is { Count: > 0 })
            .GroupBy(p => string.Join("\n", p.Budget!.Select(b => b.Name)), StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var points = group.ToList();
            if (points.Count <= DetailedUpTo || points[0].Budget!.Count > MaxMatrixComponents)
            {
                foreach (var p in points)
                {
                    Detailed(doc, p);
                }
            }
            else
            {
                Matrix(doc, points, points[0].Budget!, groups.Count > 1);
            }
        }
    }

    private static double Combined(PointResult p) => Math.Sqrt(p.Budget!.Sum(b => b.StandardUncertaintyPercent * b.StandardUncertaintyPercent));

    private static void Detailed(DocumentLayout doc, PointResult p)
    {
        var budget = p.Budget!;
        var rows = budget.Select(b => new TableRow([b.Name, b.Type, b.Distribution, Numbers.Fixed(b.StatedPercent, 4), Numbers.Fixed(b.StandardUncertaintyPercent, 4)])).ToList();
        rows.Add(new TableRow(["Combined standard uncertainty u_c", "", "", "", Numbers.Fixed(Combined(p), 4)]) { Bold = true });
        if (p.UncertaintyPercent is { } u)
        {
            var k = p.CoverageFactor is { } cf ? Numbers.Fixed(cf, 2) : "2";
            rows.Add(new TableRow([$"Expanded uncertainty U (k = {k})", "", "", "", Numbers.Fixed(u, 4)]) { Bold = true });
        }

        // Keep the caption with the table: caption line + header + all rows of this small table.
        doc.EnsureSpace(doc.Styles.BodyBold.LineHeight + ((rows.Count + 1) * 14.5f));
        doc.Paragraph(Caption(p), doc.Styles.BodyBold);
        doc.Table(DetailColumns, rows);
    }

    private static void Matrix(DocumentLayout doc, IReadOnlyList<PointResult> points, IReadOnlyList<UncertaintyContribution> components, bool caption)
    {
        if (caption)
        {
            doc.EnsureSpace(doc.Styles.BodyBold.LineHeight + ((components.Count + 4) * 14.5f));
            doc.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{points.Count} points, {points[0].Id} to {points[^1].Id}:"), doc.Styles.BodyBold);
        }

        var legend = components.Select((c, i) => new TableRow([$"C{i + 1}", c.Name, c.Type, c.Distribution])).ToList();
        doc.Table([new("", 0.5f), new("Component", 6f), new("Type", 0.6f, SKTextAlign.Center), new("Distribution", 1.3f)], legend);

        var columns = new List<TableColumn> { new("Point", 1.6f), new("n", 0.4f, SKTextAlign.Right), new("s\n(%)", 0.7f, SKTextAlign.Right) };
        columns.AddRange(components.Select((_, i) => new TableColumn($"u C{i + 1}\n(%)", 0.75f, SKTextAlign.Right)));
        columns.AddRange([new("u_c\n(%)", 0.75f, SKTextAlign.Right), new("k", 0.5f, SKTextAlign.Right), new("U\n(%)", 0.75f, SKTextAlign.Right)]);
        var rows = points.Select((p, row) =>
        {
            var cells = new List<string> { p.Id, p.Repeats.ToString(CultureInfo.InvariantCulture), Numbers.Fixed(p.StandardDeviationPercent, 4) };
            cells.AddRange(components.Select(c => p.Budget!.FirstOrDefault(b => b.Name == c.Name) is { } b ? Numbers.Fixed(b.StandardUncertaintyPercent, 4) : Numbers.Missing));
            cells.AddRange([Numbers.Fixed(Combined(p), 4), Numbers.Fixed(p.CoverageFactor ?? 2, 2), Numbers.Fixed(p.UncertaintyPercent, 4)]);
            return new TableRow(cells) { Background = row % 2 == 1 ? new SKColor(0xf7, 0xf8, 0xfa) : null };
        }).ToList();
        doc.Table(columns, rows);
        doc.Paragraph("Stated values (half-widths, certificate U, s) per point are in results.json.", doc.Styles.Small);
    }

    private static string Caption(PointResult p)
    {
        var text = $"{p.Id}: {Numbers.Compact(p.Setpoint.CurrentPercentOfNominal)} % In, {PointText.PowerFactor(p.Setpoint.PowerFactor)}";
        if (p.Repeats > 1)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; n = {p.Repeats} gates");
            if (p.StandardDeviationPercent is { } s)
            {
                text += $", s = {Numbers.Fixed(s, 4)} %";
            }
        }

        if (p.Tur is { } tur)
        {
            text += $"; TUR {Numbers.Fixed(tur, 1)}";
        }

        return text;
    }
}
