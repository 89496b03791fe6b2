using System.Text.RegularExpressions;

using Bench.Core.Results;
using Bench.Reports.Certificate;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Certificate;

/// <summary>Certificate variants: long tables, uncertainty columns, aborted runs, overdue calibration, repeatable bytes.</summary>
public sealed class CertificateContentTests
{
    private TempFolder temp = null!;

    [SetUp]
    public void Make() => temp = new TempFolder();

    [TearDown]
    public void Clean() => temp.Dispose();

    private string Write(RunRecord run, CertificateOptions? options = null, string name = "c.pdf")
    {
        var path = temp.File(name);
        CertificateWriter.Write(run, path, options);
        KeptOutput.Keep(path, TestContext.CurrentContext.Test.MethodName + ".pdf");

        return path;
    }

    /// <summary>Layout text with every run of whitespace (line breaks and column gaps) collapsed to one space.</summary>
    private static string Flow(string text) => Regex.Replace(text, @"\s+", " ");

    [Test]
    public void A_long_table_repeats_its_header_on_every_page_it_spans()
    {
        var pdf = Write(SampleRuns.Mixed(extraPoints: 150));
        var pages = PdfText.PdfPigWords(pdf).Select(w => string.Join(" ", w)).ToList();
        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(5));
        var tablePages = pages.Where(p => Regex.IsMatch(p, @"\bX\d{3}\b")).ToList();
        Assert.That(tablePages, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var page in tablePages)
        {
            Assert.That(page, Does.Contain("E ref E meter Error Limit Verdict"));
        }

        var all = string.Join(" ", pages);
        for (var i = 0; i < 150; i++)
        {
            Assert.That(Regex.Matches(all, $@"\bX{i:000}\b"), Has.Count.EqualTo(1), $"X{i:000} appears once: rows never split or repeat");
        }

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.That(pages[i], Does.Contain($"Page {i + 1} of {pages.Count}"));
        }

        Assert.That(pages[^1], Does.Contain("End of certificate"));
    }

    [Test]
    public void Uncertainty_and_tur_columns_appear_when_stated_and_low_tur_is_flagged()
    {
        var run = SampleRuns.Run(
        [
            SampleRuns.Point("good", 100, "1", 0.05, 0.2, Verdict.Pass) with { UncertaintyPercent = 0.026, Tur = 7.7 },
            SampleRuns.Point("coarse", 100, "0.5 L", 0.05, 0.3, Verdict.Pass) with { UncertaintyPercent = 0.1, Tur = 3.0 },
        ]);
        var text = PdfText.Poppler(Write(run));
        Assert.That(text, Does.Match(@"U k=2\s+TUR\s+Verdict"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("good", StringComparison.Ordinal)), Does.Match(@"±0\.200\s+0\.026\s+7\.7\s+PASS"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("coarse", StringComparison.Ordinal)), Does.Match(@"0\.100\s+3\.0 \(low\)\s+PASS"));
        Assert.That(text, Does.Contain("coverage factor k = 2"));
        Assert.That(text, Does.Contain("TUR below 4:1 at: coarse"));
    }

    [Test]
    public void Without_uncertainty_the_certificate_says_so_and_has_no_tur_column()
    {
        var text = PdfText.Poppler(Write(SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.05, 0.2, Verdict.Pass)])));
        Assert.That(text, Does.Not.Contain("U k=2"));
        Assert.That(text, Does.Contain("Measurement uncertainty was not evaluated"));
        Assert.That(text, Does.Contain("Overall verdict: PASS"));
        Assert.That(text, Does.Contain("conforms to the accuracy requirements of IEC 62053-22:2020 class 0.2S"));
        Assert.That(Flow(text), Does.Contain("Decision rule applied: simple acceptance (ILAC-G8:09/2019 §4.2.1, w = 0)."));
    }

    [Test]
    public void The_unconfirmed_mark_sits_in_the_limit_cell_and_in_a_footnote()
    {
        var lines = PdfText.Poppler(Write(SampleRuns.Mixed())).Split('\n').ToList();
        var row = lines.FindIndex(l => l.Contains("P05-10%In-PF0.5L", StringComparison.Ordinal));
        var limitColumn = lines[row].IndexOf("±0.300", StringComparison.Ordinal);
        Assert.That(limitColumn, Is.GreaterThan(0));
        Assert.That(lines[row + 1].IndexOf("(unconfirmed)", StringComparison.Ordinal), Is.InRange(limitColumn - 12, limitColumn + 12),
            "the mark sits under the limit it qualifies");
        Assert.That(lines.Any(l => l.TrimStart().StartsWith("(unconfirmed) The limit applied", StringComparison.Ordinal)), Is.True);
        Assert.That(lines.Count(l => l.Contains("(unconfirmed)", StringComparison.Ordinal)), Is.EqualTo(3), "method, cell, footnote");
    }

    [Test]
    public void The_unconfirmed_mark_stays_whole_in_the_widest_table()
    {
        // The self-test's shape: every limit unconfirmed, U and TUR stated, plus k and AL columns: 14 columns.
        var rule = Bench.Standards.Decisions.DecisionRules.Describe(Bench.Standards.Decisions.DecisionRule.NonBinaryGuarded);
        var points = Enumerable.Range(0, 6).Select(i => SampleBudgets.WithBudget(
            SampleRuns.Point($"PF1-{i:000}In", 1 + (i * 20), "1", 0.04, 0.4, Verdict.Pass, SampleRuns.Table3Unconfirmed) with { DecisionRule = rule },
            k: 2 + (i * 0.1))).ToList();
        var single = points[0] with { Id = "L1only", Setpoint = points[0].Setpoint with { Phases = "L1", FrequencyHz = 51 } };
        var text = PdfText.Poppler(Write(SampleRuns.Run([.. points, single])));
        var lines = text.Split('\n');
        Assert.That(lines.Count(l => l.Contains("(unconfirmed)", StringComparison.Ordinal)), Is.EqualTo(7 + 3), "7 cells, method, footnote, conformity statement");
        Assert.That(text, Does.Not.Contain("(unconfirme\n"));
    }

    [Test]
    public void A_conformity_statement_resting_on_unconfirmed_limits_says_it_is_provisional()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 10, "0.5 L", 0.1, 0.3, Verdict.Pass, SampleRuns.Table3Unconfirmed)]);
        var text = Flow(PdfText.Poppler(Write(run)));
        Assert.That(text, Does.Contain("Overall verdict: PASS"));
        Assert.That(text, Does.Contain("This statement relies on limits marked (unconfirmed) in section 4 and is provisional"));
    }

    [Test]
    public void A_run_without_unconfirmed_limits_has_no_mark()
    {
        var text = PdfText.Poppler(Write(SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.05, 0.2, Verdict.Pass)])));
        Assert.That(text, Does.Not.Contain("unconfirmed"));
        Assert.That(text, Does.Not.Contain("provisional"));
    }

    [Test]
    public void Phases_and_frequency_get_columns_only_when_they_vary()
    {
        var balanced = SampleRuns.Point("bal", 100, "1", 0.05, 0.2, Verdict.Pass);
        var single = SampleRuns.Point("L1", 100, "1", 0.25, 0.3, Verdict.Pass) with { Setpoint = balanced.Setpoint with { Phases = "L1" } };
        var offNominal = SampleRuns.Point("f51", 100, "1", 0.07, 0.2, Verdict.Pass) with { Setpoint = balanced.Setpoint with { FrequencyHz = 51 } };
        var text = PdfText.Poppler(Write(SampleRuns.Run([balanced, single, offNominal])));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("L1 ", StringComparison.Ordinal)), Does.Match(@"^L1\s+L1\s+230\.0\s+5\.000\s+100\s+1\s+50\.00\s+115"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("f51 ", StringComparison.Ordinal)), Does.Match(@"L1-L2-L3\s+230\.0\s+5\.000\s+100\s+1\s+51\.00\s+115"));
        var uniform = PdfText.Poppler(Write(SampleRuns.Run([balanced]), name: "u.pdf"));
        Assert.That(uniform, Does.Not.Contain("Phases").And.Not.Contain("(Hz)"));
    }

    [Test]
    public void Reactive_energy_is_in_varh_under_a_sin_phi_column()
    {
        var points = new[] { ("1 L", 5), ("0.5 L", 100) }.Select(t => SampleRuns.Point($"Q-{t.Item2}", t.Item2, "sin φ " + t.Item1, 0.05, 0.5, Verdict.Pass) with { Quantity = "reactive-energy" });
        var text = PdfText.Poppler(Write(SampleRuns.Run([.. points])));
        var flow = Flow(text);
        Assert.That(flow, Does.Contain("E ref E meter").Or.Contain("E ref (varh)"));
        Assert.That(text, Does.Contain("(varh)").And.Not.Contain("(Wh)"));
        Assert.That(text, Does.Match(@"sin φ\s+E ref"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("Q-100 ", StringComparison.Ordinal)), Does.Match(@"100\s+0\.5 L\s+115\.000"));
    }

    [Test]
    public void Power_quality_points_show_readings_and_errors_in_their_units()
    {
        var energy = SampleRuns.Point("E", 100, "1", 0.05, 0.2, Verdict.Pass);
        var pq = SampleRuns.Point("PQ-F", 100, "1", 2.5, 10, Verdict.Pass) with
        {
            ReferenceWh = null,
            MeterWh = null,
            Test = "power-quality",
            ErrorUnit = "mHz",
            ReferenceValue = 50.0125,
            MeterValue = 50.015,
            ValueUnit = "Hz",
        };
        var text = PdfText.Poppler(Write(SampleRuns.Run([energy, pq])));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("PQ-F ", StringComparison.Ordinal)), Does.Match(@"50\.0125 Hz\s+50\.0150 Hz\s+\+2\.500 mHz\s+±10\.000 mHz\s+PASS"));
        Assert.That(text.Split('\n').Single(l => l.StartsWith("E ", StringComparison.Ordinal)), Does.Match(@"115\.000 Wh\s+115\.057 Wh\s+\+0\.050 %\s+±0\.200 %\s+PASS"));
        // A power factor's limit is ±0.005 (absolute): three decimals would print every error as 0.000.
        var pf = SampleRuns.Point("PQ-PF", 100, "1", -0.0004, 0.005, Verdict.Pass) with { ErrorUnit = "PF" };
        var pfText = PdfText.Poppler(Write(SampleRuns.Run([pf]), name: "pf.pdf"));
        Assert.That(pfText.Split('\n').Single(l => l.StartsWith("PQ-PF ", StringComparison.Ordinal)), Does.Match(@"-0\.00040 PF\s+±0\.00500 PF"));
        var tiny = SampleRuns.Point("Z", 100, "1", -0.0000001, 0.2, Verdict.Pass);
        var zero = PdfText.Poppler(Write(SampleRuns.Run([tiny]), name: "z.pdf"));
        Assert.That(zero.Split('\n').Single(l => l.StartsWith("Z ", StringComparison.Ordinal)), Does.Match(@"\s0\.000\s+±0\.200\s+PASS"), "no -0.000");
    }

    [Test]
    public void An_aborted_run_is_incomplete_even_if_its_points_passed()
    {
        var run = SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.05, 0.2, Verdict.Pass)]) with { AbortReason = "operator abort (Ctrl+C)" };
        var text = PdfText.Poppler(Write(run));
        Assert.That(text, Does.Contain("Overall verdict: INCOMPLETE"));
        Assert.That(text, Does.Contain("The run stopped early: operator abort (Ctrl+C)"));
        Assert.That(Flow(text), Does.Contain("No statement of conformity is made: the run stopped before every planned point was measured."));
    }

    [Test]
    public void Overdue_calibration_and_missing_certificate_are_visible()
    {
        var run = SampleRuns.Mixed();
        var overdue = run with
        {
            Instruments = [run.Instruments[0], run.Instruments[1] with { CalibrationDue = new DateOnly(2026, 11, 1) }],
        };
        var text = PdfText.Poppler(Write(overdue));
        Assert.That(Flow(text), Does.Match(@"RD33-00417 2\.14 CAL-2026-0193 2026-03-02 2026-11-01 OVERDUE"));
        Assert.That(text, Does.Match(@"SIM-SRC-0001\s+1\.0\.0\s+none stated"));
    }

    [Test]
    public void A_run_that_states_no_decision_rule_is_not_given_one()
    {
        var text = Flow(PdfText.Poppler(Write(SampleRuns.Run([SampleRuns.Point("p", 100, "1", 0.05, 0.2, Verdict.Pass)]) with { DecisionRule = "" })));
        Assert.That(text, Does.Contain("Decision rule applied: not stated in the run record."));
    }

    [Test]
    public void Conditional_verdicts_are_explained()
    {
        var run = SampleRuns.Run([SampleRuns.Point("cf", 100, "1", 0.21, 0.2, Verdict.ConditionalFail) with { UncertaintyPercent = 0.03, Tur = 6.7 }]);
        var text = PdfText.Poppler(Write(run));
        Assert.That(text, Does.Contain("Overall verdict: CONDITIONAL FAIL"));
        Assert.That(Flow(text), Does.Contain("exceeds the limit of IEC 62053-22:2020 class 0.2S by less than the expanded uncertainty"));
    }

    [Test]
    public void Same_run_and_options_give_the_same_bytes_and_the_issue_date_moves_them()
    {
        var run = SampleRuns.Mixed();
        var a = File.ReadAllBytes(Write(run, name: "a.pdf"));
        var b = File.ReadAllBytes(Write(run, name: "b.pdf"));
        Assert.That(b, Is.EqualTo(a));
        var c = File.ReadAllBytes(Write(run, new CertificateOptions { IssueDate = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) }, "c.pdf"));
        Assert.That(c, Is.Not.EqualTo(a));
        Assert.That(PdfText.Poppler(temp.File("c.pdf")), Does.Contain("Date of issue").And.Contain("2026-12-01"));
        Assert.That(PdfText.PdfInfo(temp.File("c.pdf")), Does.Contain("CreationDate:    Tue Dec  1 09:00:00 2026 UTC"));
    }

    [Test]
    public void The_plot_is_vector_and_the_font_is_embedded_once_as_a_subset()
    {
        var pdf = Write(SampleRuns.Mixed());
        // poppler: pdfimages lists raster images (none expected), pdffonts lists fonts (regular and bold, each once).
        Assert.That(Tools.Run("pdfimages", "-list", pdf).Split('\n').Where(l => l.Trim().Length > 0).Count(), Is.EqualTo(2), "header lines only");
        var fonts = Tools.Run("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.That(fonts, Has.Count.EqualTo(2));
        Assert.That(fonts, Has.All.Match(@"\+LiberationSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes"));
        var words = PdfText.PdfPigWords(pdf).SelectMany(w => w).ToList();
        Assert.That(words, Does.Contain("Error").And.Contain("scale)"), "axis labels are text, not pixels");
        Assert.That(new FileInfo(pdf).Length, Is.LessThan(400_000));
        // poppler reports any syntax problem on stderr while rasterising every page.
        var raster = Tools.RunCapturing("pdftoppm", "-r", "20", "-png", pdf, temp.File("page"));
        Assert.That(raster.Errors, Is.Empty);
        Assert.That(Directory.GetFiles(temp.Path, "page*.png"), Has.Length.EqualTo(PdfText.PdfPigWords(pdf).Count));
    }
}
