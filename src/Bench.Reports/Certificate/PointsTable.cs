using Bench.Core.Results;
using Bench.Reports.Layout;

using SkiaSharp;

namespace Bench.Reports.Certificate;

/// <summary>The results table: one row per point, setpoint, energies, error, limit, uncertainty and TUR when stated, verdict.</summary>
internal static class PointsTable
{
    public const string UnconfirmedMark = "(unconfirmed)";

    public static void Add(DocumentLayout doc, RunRecord run, CertificateOptions options)
    {
        var withUncertainty = run.Points.Any(p => p.UncertaintyPercent is not null || p.Tur is not null);
        var withQuantity = run.Points.Select(p => p.Quantity).Distinct(StringComparer.Ordinal).Count() > 1;
        var withAl = run.Points.Any(p => AcceptanceLimit.Of(p) is not null);
        var withK = withUncertainty && run.Points.Any(p => p.CoverageFactor is { } k && Math.Abs(k - 2) > 1e-9);
        var columns = new List<TableColumn> { new("Point", 1.6f) };
        if (withQuantity)
        {
            columns.Add(new TableColumn("Quantity", 1.1f));
        }

        columns.AddRange(
        [
            new("U\n(V)", 0.75f, SKTextAlign.Right),
            new("I\n(A)", 0.8f, SKTextAlign.Right),
            new("I/In\n(%)", 0.7f, SKTextAlign.Right),
            new("PF", 0.55f, SKTextAlign.Center),
            new("E ref\n(Wh)", 1f, SKTextAlign.Right),
            new("E meter\n(Wh)", 1f, SKTextAlign.Right),
            new("Error\n(%)", 0.8f, SKTextAlign.Right),
            new("Limit\n(%)", 1.1f, SKTextAlign.Right),
        ]);
        if (withAl)
        {
            columns.Add(new TableColumn("AL\n(%)", 0.8f, SKTextAlign.Right));
        }

        if (withUncertainty)
        {
            columns.Add(new TableColumn(withK ? "U\n(%)" : "U k=2\n(%)", 0.75f, SKTextAlign.Right));
            if (withK)
            {
                columns.Add(new TableColumn("k", 0.6f, SKTextAlign.Right));
            }

            columns.Add(new TableColumn("TUR", 0.8f, SKTextAlign.Right));
        }

        columns.Add(new TableColumn("Verdict", 1.1f, SKTextAlign.Center));
        var rows = run.Points.Select((p, i) => Row(p, i, withQuantity, withUncertainty, withK, withAl, options)).ToList();
        doc.Table(columns, rows);
    }

    private static TableRow Row(PointResult p, int index, bool withQuantity, bool withUncertainty, bool withK, bool withAl, CertificateOptions options)
    {
        var s = p.Setpoint;
        var cells = new List<string> { p.Id };
        var colors = new List<SKColor?> { null };
        if (withQuantity)
        {
            cells.Add(p.Quantity);
            colors.Add(null);
        }

        var limit = "±" + Numbers.Fixed(Math.Abs(p.LimitPercent), 3);
        if (p.LimitSource?.Unconfirmed == true)
        {
            limit += "\n" + UnconfirmedMark;
        }

        cells.AddRange([Numbers.Fixed(s.VoltageV, 1), Numbers.Current(s.CurrentA), Numbers.Compact(s.CurrentPercentOfNominal), s.PowerFactor,
            Numbers.Energy(p.ReferenceWh), Numbers.Energy(p.MeterWh), Numbers.Signed(p.ErrorPercent, 3), limit]);
        colors.AddRange([null, null, null, null, null, null, null, p.LimitSource?.Unconfirmed == true ? ReportStyles.WarnAmber : null]);
        if (withAl)
        {
            cells.Add(AcceptanceLimit.Of(p) is { } al ? "±" + Numbers.Fixed(al, 3) : Numbers.Missing);
            colors.Add(null);
        }

        if (withUncertainty)
        {
            var lowTur = p.Tur is { } t && t < options.TurWarning;
            cells.Add(Numbers.Fixed(p.UncertaintyPercent, 3));
            colors.Add(null);
            if (withK)
            {
                cells.Add(Numbers.Fixed(p.CoverageFactor, 2));
                colors.Add(null);
            }

            cells.Add(p.Tur is { } tur ? Numbers.Fixed(tur, 1) + (lowTur ? " (low)" : "") : Numbers.Missing);
            colors.Add(lowTur ? ReportStyles.WarnAmber : null);
        }

        cells.Add(p.Verdict.ToWireText());
        colors.Add(VerdictColor(p.Verdict));
        return new TableRow(cells) { CellColors = colors, Background = index % 2 == 1 ? new SKColor(0xf7, 0xf8, 0xfa) : null };
    }

    public static SKColor VerdictColor(Verdict verdict) => verdict switch
    {
        Verdict.Pass => ReportStyles.PassGreen,
        Verdict.Fail => ReportStyles.FailRed,
        Verdict.ConditionalFail => ReportStyles.FailRed,
        _ => ReportStyles.WarnAmber,
    };
}
