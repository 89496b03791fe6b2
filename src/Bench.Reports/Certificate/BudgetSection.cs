using System.Globalization;

using Bench.Core.Results;
using Bench.Reports.Layout;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>
/// The GUM budget behind each point's U, when the run carries one: components with type, distribution, stated value and
/// standard uncertainty, then u_c (root-sum-square, uncorrelated relative terms) and U = k·u_c as the run stated it.
/// </summary>
internal static class BudgetSection
{
    private static readonly TableColumn[] Columns =
    [
        new("Component", 4.2f), new("Type", 0.6f, SKTextAlign.Center), new("Distribution", 1.2f),
        new("Stated (%)", 1f, SKTextAlign.Right), new("u (%)", 1f, SKTextAlign.Right),
    ];

    public static bool Applies(RunRecord run) => run.Points.Any(p => p.Budget is { Count: > 0 });

    public static void Add(DocumentLayout doc, RunRecord run, string number)
    {
        doc.Heading($"{number}  Uncertainty budgets", keepWithNext: 90);
        doc.Paragraph("Relative contributions to the uncertainty of each point's error, in percent of reading. Components are taken " +
            "as uncorrelated with sensitivity 1: u_c = √(Σ u²); U = k·u_c (GUM, JCGM 100).", doc.Styles.Small);
        foreach (var p in run.Points.Where(p => p.Budget is { Count: > 0 }))
        {
            var budget = p.Budget!;
            var rows = budget.Select(b => new TableRow([b.Name, b.Type, b.Distribution, Numbers.Fixed(b.StatedPercent, 4), Numbers.Fixed(b.StandardUncertaintyPercent, 4)])).ToList();
            var combined = Math.Sqrt(budget.Sum(b => b.StandardUncertaintyPercent * b.StandardUncertaintyPercent));
            rows.Add(new TableRow(["Combined standard uncertainty u_c", "", "", "", Numbers.Fixed(combined, 4)]) { Bold = true });
            if (p.UncertaintyPercent is { } u)
            {
                var k = p.CoverageFactor is { } cf ? Numbers.Fixed(cf, 2) : "2";
                rows.Add(new TableRow([$"Expanded uncertainty U (k = {k})", "", "", "", Numbers.Fixed(u, 4)]) { Bold = true });
            }

            // Keep the caption with the table: caption line + header + all rows of this small table.
            doc.EnsureSpace(doc.Styles.BodyBold.LineHeight + ((rows.Count + 1) * 14.5f));
            doc.Paragraph(Caption(p), doc.Styles.BodyBold);
            doc.Table(Columns, rows);
        }
    }

    private static string Caption(PointResult p)
    {
        var text = $"{p.Id}: {Numbers.Compact(p.Setpoint.CurrentPercentOfNominal)} % In, PF {p.Setpoint.PowerFactor}";
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
