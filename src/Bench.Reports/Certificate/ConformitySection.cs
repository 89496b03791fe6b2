using System.Globalization;

using Bench.Core.Results;
using Bench.Reports.Layout;

namespace Bench.Reports.Certificate;

/// <summary>Statement of conformity, uncertainty statement, the "relates only to the item tested" line, authorisation, end marker.</summary>
internal sealed class ConformitySection(DocumentLayout doc, RunRecord run, LabIdentity lab, CertificateOptions options, DateTimeOffset issued)
{
    public const string EndMarker = "— End of certificate —";

    private ReportStyles S => doc.Styles;

    public void Compose(int section)
    {
        var verdict = run.Verdict;
        doc.Heading($"{section}  Statement of conformity", keepWithNext: 90);
        doc.Paragraph($"Overall verdict: {verdict.ToWireText()}", S.Heading.WithSize(13).WithColor(CertificateComposer.ColorOf(verdict)));
        doc.Paragraph(Statement(verdict), S.Body);
        if (verdict != Verdict.Incomplete && run.Points.Any(p => p.LimitSource?.Unconfirmed == true))
        {
            doc.Paragraph($"This statement relies on limits marked {PointsTable.UnconfirmedMark} in section 4 and is provisional until " +
                "those figures are confirmed against the text of the standard.", S.BodyBold.WithColor(ReportStyles.WarnAmber));
        }

        doc.Paragraph($"Decision rule applied: {CertificateComposer.DecisionRuleText(run)}.", S.Body);
        if (run.AbortReason is not null)
        {
            doc.Paragraph($"The run stopped early: {run.AbortReason}", S.Body.WithColor(ReportStyles.WarnAmber));
        }

        doc.Paragraph(UncertaintyStatement(), S.Body);
        doc.Paragraph("The results relate only to the item tested, under the conditions stated in this certificate.", S.BodyBold);

        doc.Heading($"{section + 1}  Authorisation", keepWithNext: 110);
        var who = lab.AuthorisedByName.Length > 0 ? lab.AuthorisedByName : "not stated";
        var title = lab.AuthorisedByTitle.Length > 0 ? $", {lab.AuthorisedByTitle}" : "";
        doc.Paragraph($"Authorised by: {who}{title}", S.Body);
        doc.Paragraph($"Date of issue: {Numbers.Date(issued)}", S.Body);
        doc.Space(14);
        doc.Paragraph("Signature: ______________________________", S.Body);
        doc.Space(16);
        doc.Paragraph(EndMarker, S.BodyBold, SkiaSharp.SKTextAlign.Center);
    }

    private string Statement(Verdict verdict)
    {
        var counts = run.Points.GroupBy(p => p.Verdict).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToWireText()}"));
        var tally = $"{run.Points.Count} points: {string.Join(", ", counts)}.";
        var spec = $"{run.Standard} class {run.AccuracyClass}";
        return verdict switch
        {
            Verdict.Pass => $"{tally} The item tested conforms to the accuracy requirements of {spec} at every point listed in section 4.",
            Verdict.Fail => $"{tally} The item tested does not conform to the accuracy requirements of {spec}: see the points marked FAIL in section 4.",
            Verdict.ConditionalPass => $"{tally} The measured errors lie within the limits of {spec}, but at the points marked CONDITIONAL PASS " +
                "within the expanded uncertainty of the limit; conformity is stated with reduced confidence (ILAC-G8 non-binary rule).",
            Verdict.ConditionalFail => $"{tally} At the points marked CONDITIONAL FAIL the error exceeds the limit of {spec} by less than the " +
                "expanded uncertainty; non-conformity is stated with reduced confidence (ILAC-G8 non-binary rule).",
            _ when run.Points.Any(p => p.Verdict == Verdict.Incomplete) =>
                $"{tally} No statement of conformity is made: evidence is missing for the points marked INCOMPLETE (reasons in section 4).",
            _ => $"{tally} No statement of conformity is made: the run stopped before every planned point was measured.",
        };
    }

    private string UncertaintyStatement()
    {
        var stated = run.Points.Where(p => p.UncertaintyPercent is not null).ToList();
        if (stated.Count == 0)
        {
            return "Measurement uncertainty was not evaluated for this run; conformity is decided on the measured error alone.";
        }

        var low = run.Points.Where(p => p.Tur is { } t && t < options.TurWarning).Select(p => p.Id).ToList();
        var studentT = stated.Any(p => p.CoverageFactor is { } k && Math.Abs(k - 2) > 1e-9);
        var text = studentT
            ? "The expanded uncertainty U = k·u_c is stated for a coverage probability of about 95 %: k = 2, or Student's t for the " +
              "effective degrees of freedom where few repeats make it larger (column k; GUM, JCGM 100 Annex G). TUR = limit / U."
            : "The expanded uncertainty U is stated with a coverage factor k = 2, giving a coverage probability of about 95 % " +
              "for a normal distribution (GUM, JCGM 100). TUR = limit / U.";
        if (low.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" TUR below {options.TurWarning:0.#}:1 at: {string.Join(", ", low)}.");
        }

        return text;
    }
}
