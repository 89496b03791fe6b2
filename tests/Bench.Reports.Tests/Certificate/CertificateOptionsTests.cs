using System.Text.RegularExpressions;

using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Json;
using Bench.Reports.Tests.Support;
using Bench.Standards.Decisions;

namespace Bench.Reports.Tests.Certificate;

public sealed class CertificateOptionsTests
{
    private static string Flow(string text) => Regex.Replace(text, @"\s+", " ");

    [Test]
    public void The_printed_digest_is_the_sha256_of_results_json()
    {
        using var temp = new TempFolder();
        var run = SampleRuns.Mixed();
        ResultsJsonWriter.Write(run, temp.File("results.json"));
        CertificateWriter.Write(run, temp.File("c.pdf"));
        // Independent: coreutils sha256sum over the file the JSON writer produced.
        var sha = Tools.Run("sha256sum", temp.File("results.json")).Split(' ')[0];
        Assert.That(sha, Is.EqualTo(ResultsDigest.Compute(run)));
        Assert.That(Flow(PdfText.Poppler(temp.File("c.pdf"))), Does.Contain($"SHA-256 of results.json {sha}"));
        Assert.That(PdfText.PdfInfo(temp.File("c.pdf")), Does.Contain($"results sha256 {sha}"));
    }

    [Test]
    public void Guarded_points_show_their_acceptance_limit()
    {
        var guarded = DecisionRules.Describe(DecisionRule.GuardedAcceptance);
        var run = SampleRuns.Run(
        [
            SampleRuns.Point("g1", 100, "1", 0.12, 0.2, Verdict.Pass) with { UncertaintyPercent = 0.05, Tur = 4, DecisionRule = guarded },
            SampleRuns.Point("g2", 100, "0.5 L", 0.28, 0.3, Verdict.Fail) with { UncertaintyPercent = 0.06, Tur = 5, DecisionRule = guarded },
        ]) with
        { DecisionRule = guarded };
        using var temp = new TempFolder();
        CertificateWriter.Write(run, temp.File("c.pdf"));
        KeptOutput.Keep(temp.File("c.pdf"), "guarded.pdf");
        var text = PdfText.Poppler(temp.File("c.pdf"));
        // AL = TL − U: 0.2 − 0.05 = 0.15; 0.3 − 0.06 = 0.24.
        Assert.That(text.Split('\n').Single(l => l.StartsWith("g1 ", StringComparison.Ordinal)), Does.Match(@"±0\.200\s+±0\.150\s+0\.050\s+4\.0\s+PASS"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("g2 ", StringComparison.Ordinal)), Does.Match(@"±0\.300\s+±0\.240\s+0\.060\s+5\.0\s+FAIL"));
        Assert.That(Flow(text), Does.Contain("AL: acceptance limit under a guarded decision rule"));
        Assert.That(Flow(text), Does.Contain("§4.2.2 binary statement with guard band w = U"));
    }

    [Test]
    public void Simple_acceptance_has_no_al_column()
    {
        var simple = DecisionRules.Describe(DecisionRule.SimpleAcceptance);
        var run = SampleRuns.Run([SampleRuns.Point("s", 100, "1", 0.12, 0.2, Verdict.Pass) with { UncertaintyPercent = 0.05, Tur = 4, DecisionRule = simple }]);
        using var temp = new TempFolder();
        CertificateWriter.Write(run, temp.File("c.pdf"));
        Assert.That(PdfText.Poppler(temp.File("c.pdf")), Does.Not.Match(@"\bAL\b"));
    }

    [Test]
    public void Lab_supplied_fields_and_a_reissue_appear()
    {
        using var temp = new TempFolder();
        var options = new CertificateOptions
        {
            TestConditions = "ambient 23.1 °C, 41 % RH; warm-up 2 h at Un",
            ItemReceived = new DateOnly(2026, 11, 20),
            Deviations = "points at 120 % In omitted at customer request",
            CertificateNumber = "BVL-2026-0042-R1",
            Replaces = "BVL-2026-0042",
        };
        CertificateWriter.Write(SampleRuns.Mixed(), temp.File("c.pdf"), options);
        var pages = PdfText.PdfPigWords(temp.File("c.pdf")).Select(p => string.Join(" ", p)).ToList();
        var text = Flow(PdfText.Poppler(temp.File("c.pdf")));
        Assert.That(text, Does.Contain("ambient 23.1 °C, 41 % RH; warm-up 2 h at Un"));
        Assert.That(text, Does.Contain("Item received 2026-11-20"));
        Assert.That(text, Does.Contain("points at 120 % In omitted at customer request"));
        Assert.That(text, Does.Contain("This certificate replaces certificate No. BVL-2026-0042, which is withdrawn."));
        Assert.That(pages, Has.All.Contains("Certificate No. BVL-2026-0042-R1"));
        Assert.That(text, Does.Contain("run run-20261127-083000-a1b2"), "the run stays traceable under a new certificate number");
    }

    [Test]
    public void PdfA_adds_the_xmp_claim_and_stays_readable()
    {
        using var temp = new TempFolder();
        CertificateWriter.Write(SampleRuns.Mixed(), temp.File("a.pdf"), new CertificateOptions { PdfA = true });
        Assert.That(PdfText.PdfInfo(temp.File("a.pdf")), Does.Contain("Metadata Stream: yes"));
        Assert.That(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(temp.File("a.pdf"))), Does.Contain("<pdfaid:part>2</pdfaid:part>"));
        Assert.That(PdfText.Poppler(temp.File("a.pdf")), Does.Contain("End of certificate"));
        CertificateWriter.Write(SampleRuns.Mixed(), temp.File("b.pdf"));
        Assert.That(PdfText.PdfInfo(temp.File("b.pdf")), Does.Contain("Metadata Stream: no"));
    }

    [Test]
    public void Defaults_say_not_recorded_rather_than_inventing()
    {
        using var temp = new TempFolder();
        CertificateWriter.Write(SampleRuns.Mixed(), temp.File("c.pdf"));
        var text = Flow(PdfText.Poppler(temp.File("c.pdf")));
        Assert.That(text, Does.Contain("Test conditions not recorded"));
        Assert.That(text, Does.Contain("Customer not stated"));
        Assert.That(text, Does.Contain("Deviations from the method none"));
    }
}
