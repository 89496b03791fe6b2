using Bench.Reports.Certificate;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Certificate;

[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class CertificateWriterTests(string culture) : CultureFixture(culture)
{
    private TempFolder temp = null!;
    private string pdf = "";

    [OneTimeSetUp]
    public void WriteOnce()
    {
        temp = new TempFolder();
        pdf = temp.File("certificate.pdf");
        using (new CultureScope(Culture))
        {
            CertificateWriter.Write(SampleRuns.Mixed(), pdf);
        }

        KeptOutput.Keep(pdf, $"certificate-{Culture}.pdf");
    }

    [OneTimeTearDown]
    public void Clean() => temp.Dispose();

    [Test]
    public void PdfPig_reads_verdicts_serials_and_limits()
    {
        var words = PdfText.PdfPigWords(pdf).SelectMany(w => w).ToList();
        Assert.That(words, Does.Contain(SampleRuns.DutSerial));
        Assert.That(words, Does.Contain(SampleRuns.ReferenceSerial));
        Assert.That(words, Does.Contain("CAL-2026-0193"));
        Assert.That(words, Does.Contain("PASS"));
        Assert.That(words, Does.Contain("FAIL"));
        Assert.That(words.Count(w => w == "INCOMPLETE"), Is.GreaterThanOrEqualTo(2), "the point and the overall verdict");
        Assert.That(words, Does.Contain("±0.200").And.Contain("±0.400").And.Contain("±0.300"));
        Assert.That(words, Does.Contain("-0.231"), "the failing point's error, invariant decimal point");
        Assert.That(words, Does.Contain("(unconfirmed)"));
        Assert.That(words, Does.Not.Contain("0,112").And.Not.Contain("-0,231"));
    }

    [Test]
    public void Every_page_says_page_x_of_y_and_carries_the_certificate_number()
    {
        var pages = PdfText.PdfPigWords(pdf);
        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(2));
        for (var i = 0; i < pages.Count; i++)
        {
            var text = string.Join(" ", pages[i]);
            Assert.That(text, Does.Contain($"Page {i + 1} of {pages.Count}"));
            Assert.That(text, Does.Contain("run-20261127-083000-a1b2"));
        }
    }

    [Test]
    public void Poppler_reads_the_table_row_of_the_failing_point()
    {
        var text = PdfText.Poppler(pdf);
        var row = text.Split('\n').Single(l => l.Contains("P03-100%In-PF1", StringComparison.Ordinal));
        // Columns in order: U, I, %In, PF, E ref, E meter, error, limit [source], verdict. E ref = 115 Wh, E meter = 115 × (1 − 0.00231).
        Assert.That(row, Does.Match(@"230\.0\s+5\.000\s+100\s+1\s+115\.000\s+114\.734\s+-0\.231\s+±0\.200 \[1\]\s+FAIL"));
        // Two sources (one confirmed, one not): numbered in the method section, referenced from each limit cell.
        var flow = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        Assert.That(flow, Does.Contain("Limits from [1] IEC 62053-22:2020 §7.9 Table 3 [2] IEC 62053-22:2020 §7.9 Table 3 (unconfirmed) Load points"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("P05-10%In-PF0.5L", StringComparison.Ordinal)), Does.Contain("±0.300 [2]"));
        Assert.That(flow, Does.Contain("the other 1 point (other load configurations"));
        Assert.That(text, Does.Contain("(unconfirmed)"));
        Assert.That(text, Does.Contain("results relate only to the item tested"));
        Assert.That(text, Does.Contain("End of certificate"));
        Assert.That(text, Does.Contain("no reply to MEAS:ENER? within 2 s"));
        Assert.That(text, Does.Contain("Overall verdict: INCOMPLETE"));
    }

    [Test]
    public void The_font_is_embedded_and_metadata_names_the_run()
    {
        var info = PdfText.PdfInfo(pdf);
        Assert.That(info, Does.Contain("run-20261127-083000-a1b2"));
        var fonts = PdfText.Poppler(pdf); // ensure readable
        Assert.That(fonts, Is.Not.Empty);
        var bytes = File.ReadAllBytes(pdf);
        Assert.That(System.Text.Encoding.Latin1.GetString(bytes), Does.Contain("LiberationSans"));
    }
}
