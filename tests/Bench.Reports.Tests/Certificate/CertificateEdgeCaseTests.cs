using System.Text.RegularExpressions;

using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Json;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Certificate;

public sealed class CertificateEdgeCaseTests
{
    [Test]
    public void A_certificate_rewritten_from_results_json_is_byte_identical()
    {
        // `bench report` regenerates a certificate from results.json: the reader must lose nothing the certificate shows.
        using var temp = new TempFolder();
        var run = SampleRuns.Run(
        [
            .. SampleRuns.Mixed().Points,
            SampleBudgets.WithBudget(SampleRuns.Point("B1", 100, "1", 0.0123456789, 0.2, Verdict.ConditionalPass), k: 2.87),
        ]) with
        { AbortReason = "operator abort" };
        CertificateWriter.Write(run, temp.File("a.pdf"));
        ResultsJsonWriter.Write(run, temp.File("results.json"));
        CertificateWriter.Write(ResultsJsonWriter.Read(temp.File("results.json")), temp.File("b.pdf"));
        Assert.That(File.ReadAllBytes(temp.File("b.pdf")), Is.EqualTo(File.ReadAllBytes(temp.File("a.pdf"))));
    }

    [Test]
    public void A_run_without_points_is_incomplete_and_has_no_plot()
    {
        using var temp = new TempFolder();
        var run = SampleRuns.Run([]) with { AbortReason = "source did not answer *IDN?" };
        CertificateWriter.Write(run, temp.File("c.pdf"));
        var text = Regex.Replace(PdfText.Poppler(temp.File("c.pdf")), @"\s+", " ");
        Assert.That(text, Does.Contain("Overall verdict: INCOMPLETE"));
        Assert.That(text, Does.Contain("The run stopped early: source did not answer *IDN?"));
        Assert.That(text, Does.Not.Contain("Error curve"));
        Assert.That(text, Does.Contain("End of certificate"));
    }

    [Test]
    public void Long_reasons_and_unbroken_tokens_wrap_inside_the_page()
    {
        using var temp = new TempFolder();
        var token = string.Concat(Enumerable.Repeat("0123456789ABCDEF", 20));
        var reason = string.Join(" ", Enumerable.Repeat("the meter answered with exception code 0x0B (gateway target failed to respond)", 8)) + " " + token;
        var run = SampleRuns.Run([SampleRuns.Point("P-long-id-" + token[..60], 100, "1", null, 0.2, Verdict.Incomplete) with { Reason = reason }]);
        CertificateWriter.Write(run, temp.File("c.pdf"));
        KeptOutput.Keep(temp.File("c.pdf"), "long-text.pdf");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(temp.File("c.pdf"));
        foreach (var page in pdf.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                Assert.That(word.BoundingBox.Right, Is.LessThanOrEqualTo(page.Width - 49), $"'{word.Text}' runs past the right margin");
                Assert.That(word.BoundingBox.Left, Is.GreaterThanOrEqualTo(49));
            }
        }

        var joined = Regex.Replace(PdfText.Poppler(temp.File("c.pdf")), @"\s+", "");
        Assert.That(joined, Does.Contain(token), "the long token survives, split across lines");
    }
}
