using System.Text.RegularExpressions;

using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Certificate;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class BudgetCertificateTests(string culture) : CultureFixture(culture)
{
    [Test]
    public void Each_point_with_a_budget_gets_its_table_with_uc_and_U()
    {
        Assert.That(SampleBudgets.Combined, Is.EqualTo(0.01276).Within(0.00001)); // decision-rules.md §4: u_c ≈ 0.013 %
        var run = SampleRuns.Run(
        [
            SampleBudgets.WithBudget(SampleRuns.Point("P-In-PF1", 100, "1", 0.05, 0.2, Verdict.Pass)),
            SampleRuns.Point("P-nobudget", 10, "1", 0.05, 0.2, Verdict.Pass),
        ]);
        using var temp = new TempFolder();
        var pdf = temp.File("c.pdf");
        CertificateWriter.Write(run, pdf);
        KeptOutput.Keep(pdf, $"budget-{Culture}.pdf");
        var text = PdfText.Poppler(pdf);
        var flow = Regex.Replace(text, @"\s+", " ");
        Assert.That(flow, Does.Contain("Uncertainty budgets"));
        Assert.That(flow, Does.Contain("P-In-PF1: 100 % In, PF 1; n = 5 gates, s = 0.0080 %; TUR 7.8"));
        Assert.That(flow, Does.Contain("Reference standard calibration (certificate) B normal 0.0200 0.0100"));
        Assert.That(flow, Does.Contain("Repeatability, 5 gates (Type A) A observed 0.0080 0.0036"));
        Assert.That(flow, Does.Contain("Combined standard uncertainty u_c 0.0128"));
        Assert.That(flow, Does.Contain("Expanded uncertainty U (k = 2.00) 0.0255"));
        Assert.That(flow, Does.Not.Contain("P-nobudget:"), "no budget table for a point without one");
        var lastPage = PdfText.PdfPigWords(pdf)[^1];
        Assert.That(string.Join(" ", lastPage), Does.Contain("Authorised by:").And.Contain("End of certificate"), "the authorisation block stays together");
        Assert.That(text.Split('\n').Single(l => l.StartsWith("P-In-PF1 ", StringComparison.Ordinal)), Does.Match(@"±0\.200\s+0\.026\s+7\.8\s+PASS"));
    }

    [Test]
    public void Many_points_share_one_compact_budget_matrix()
    {
        var points = Enumerable.Range(0, 12)
            .Select(i => SampleBudgets.WithBudget(SampleRuns.Point($"M{i:00}", 5 + (i * 10), "1", 0.05, 0.2, Verdict.Pass)))
            .ToList();
        using var temp = new TempFolder();
        var pdf = temp.File("c.pdf");
        CertificateWriter.Write(SampleRuns.Run(points), pdf);
        KeptOutput.Keep(pdf, $"budget-matrix-{Culture}.pdf");
        var text = PdfText.Poppler(pdf);
        var flow = Regex.Replace(text, @"\s+", " ");
        Assert.That(flow, Does.Contain("C1 Reference standard calibration (certificate) B normal"));
        Assert.That(flow, Does.Contain("C5 Repeatability, 5 gates (Type A) A observed"));
        // Row: n, s, u of C1..C5 (0.0100, 0.0058, 0.0029, 0.0029, 0.0036), u_c 0.0128, k 2.00, U 0.0255.
        var row = text.Split('\n').Single(l => l.StartsWith("M07 ", StringComparison.Ordinal) && !l.Contains("PASS", StringComparison.Ordinal));
        Assert.That(row, Does.Match(@"^M07\s+5\s+0\.0080\s+0\.0100\s+0\.0058\s+0\.0029\s+0\.0029\s+0\.0036\s+0\.0128\s+2\.00\s+0\.0255$"));
        Assert.That(flow, Does.Not.Contain("M07: "), "no per-point table");
    }

    [Test]
    public void Points_with_different_components_get_one_matrix_each()
    {
        var accuracy = Enumerable.Range(0, 6).Select(i => SampleBudgets.WithBudget(SampleRuns.Point($"A{i}", 5 + (i * 10), "1", 0.05, 0.2, Verdict.Pass)));
        UncertaintyContribution[] influenceBudget = [new("Resolution, reference conditions", "B", "rectangular", 0.01, 0.0058), new("Resolution, influenced", "B", "rectangular", 0.01, 0.0058)];
        var influence = Enumerable.Range(0, 5).Select(i => SampleRuns.Point($"I{i}", 100, "1", 0.001, 0.1, Verdict.Pass) with
        {
            Budget = influenceBudget,
            UncertaintyPercent = 2 * Math.Sqrt(2 * 0.0058 * 0.0058),
            Tur = 4.3,
        });
        using var temp = new TempFolder();
        var pdf = temp.File("c.pdf");
        CertificateWriter.Write(SampleRuns.Run([.. accuracy, .. influence]), pdf);
        var flow = Regex.Replace(PdfText.Poppler(pdf), @"\s+", " ");
        Assert.That(flow, Does.Contain("6 points, A0 to A5:"));
        Assert.That(flow, Does.Contain("5 points, I0 to I4:"));
        Assert.That(flow, Does.Contain("C1 Resolution, reference conditions B rectangular"));
        // u_c = √2 × 0.0058 = 0.0082; U = 0.0164.
        Assert.That(flow, Does.Match(@"I3 1 — 0\.0058 0\.0058 0\.0082 2\.00 0\.0164"));
    }

    [Test]
    public void A_student_t_coverage_factor_gets_a_k_column()
    {
        // k = t(95.45 %, ν = 4) = 2.87 (GUM Table G.2).
        var run = SampleRuns.Run([SampleBudgets.WithBudget(SampleRuns.Point("few", 100, "1", 0.05, 0.2, Verdict.Pass), k: 2.87)]);
        using var temp = new TempFolder();
        var pdf = temp.File("c.pdf");
        CertificateWriter.Write(run, pdf);
        var text = PdfText.Poppler(pdf);
        Assert.That(text.Split('\n').Single(l => l.StartsWith("few ", StringComparison.Ordinal)), Does.Match(@"±0\.200\s+0\.037\s+2\.87\s+5\.5\s+PASS"));
        Assert.That(Regex.Replace(text, @"\s+", " "), Does.Contain("or Student's t for the effective degrees of freedom"));
    }
}
