using System.Globalization;

using Bench.Core.Results;
using Bench.Reports.Layout;

namespace Bench.Reports.Certificate;

/// <summary>Section 4 onwards: the results table with its footnotes and notes, the error curve, the uncertainty budgets.</summary>
internal static class ResultsSection
{
    /// <summary>Results, error curve and budgets; returns the next section number.</summary>
    public static int Add(DocumentLayout doc, RunRecord run, CertificateOptions options)
    {
        var styles = doc.Styles;
        doc.Heading("4  Results", keepWithNext: 60);
        PointsTable.Add(doc, run, options);
        if (run.Points.Any(p => p.LimitSource?.Unconfirmed == true))
        {
            doc.Paragraph($"{PointsTable.UnconfirmedMark} The limit applied at these points is a recalled figure not yet checked against " +
                "the text of the standard; the conformity statement for them relies on it and is provisional until the figure is confirmed.",
                styles.Small.WithColor(ReportStyles.WarnAmber));
        }

        if (run.Points.Any(p => AcceptanceLimit.Of(p) is not null))
        {
            doc.Paragraph("AL: acceptance limit under a guarded decision rule, AL = TL − U (guard band w = U, ILAC-G8:09/2019 §4.2.2/§4.2.3).", styles.Small);
        }

        var noted = run.Points.Where(p => !string.IsNullOrWhiteSpace(p.Reason)).ToList();
        if (noted.Count > 0)
        {
            doc.Paragraph("Notes on individual points:", styles.BodyBold);
            foreach (var p in noted)
            {
                doc.Paragraph($"{p.Id} ({p.Verdict.ToWireText()}): {p.Reason}", styles.Body, indent: 10);
            }
        }

        var section = 5;
        var plottable = ErrorPlot.Plottable(run.Points);
        if (plottable.Count > 0)
        {
            doc.Heading($"{section++}  Error curve", keepWithNext: 256);
            doc.Drawing(250, (canvas, rect) => ErrorPlot.Draw(canvas, rect, plottable));
            doc.Paragraph("Markers: measured error per power factor, with ±U bars where the uncertainty is stated; red rings: points not PASS. " +
                "Dashed lines: the ± limit at each current, in the colour of its series, or grey where series share one.", styles.Small);
            var first = plottable[0];
            var others = run.Points.Count - plottable.Count;
            if (others > 0)
            {
                var shown = string.Create(CultureInfo.InvariantCulture,
                    $"The curve shows the {plottable.Count} points of {first.Quantity}, {first.Setpoint.Phases}; the other {others} point{(others == 1 ? "" : "s")} ");
                doc.Paragraph(shown + "(other load configurations, influence quantities, starting and no-load tests, or points without a " +
                    "measured error) are in the table above.", styles.Small);
            }
        }

        if (BudgetSection.Applies(run))
        {
            BudgetSection.Add(doc, run, (section++).ToString(CultureInfo.InvariantCulture));
        }

        return section;
    }
}
