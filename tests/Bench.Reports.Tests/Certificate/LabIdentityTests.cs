using Bench.Core.Errors;
using Bench.Reports.Certificate;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Certificate;

public sealed class LabIdentityTests
{
    [Test]
    public void The_shipped_lab_file_reads()
    {
        var reports = ReportAssets.FindReportsDirectory(AppContext.BaseDirectory);
        Assert.That(reports, Is.Not.Null);
        var lab = LabIdentityReader.Read(Path.Combine(reports!, "lab.yaml"));
        Assert.That(lab.Name, Is.EqualTo("Bench Virtual Test Laboratory"));
        Assert.That(lab.Address, Has.Count.EqualTo(3));
        Assert.That(lab.AuthorisedByTitle, Is.EqualTo("Laboratory manager"));
    }

    [Test]
    public void A_custom_lab_file_appears_on_the_certificate()
    {
        using var temp = new TempFolder();
        var yaml = temp.File("lab.yaml");
        File.WriteAllText(yaml, """
            name: Prüflabor Nord GmbH
            address: [Hafenstraße 7, 20457 Hamburg]
            accreditation: DAkkS D-K-12345-01-00 (ISO/IEC 17025)
            authorisedBy: { name: Dr. A. Meier, title: Head of Laboratory }
            """);
        var pdf = temp.File("c.pdf");
        CertificateWriter.Write(SampleRuns.Mixed(), pdf, new CertificateOptions { LabFile = yaml, Customer = "Acme Metering Ltd, QA" });
        var text = PdfText.Poppler(pdf);
        Assert.That(text, Does.Contain("Prüflabor Nord GmbH").And.Contain("Hafenstraße 7").And.Contain("DAkkS D-K-12345-01-00"));
        Assert.That(text, Does.Contain("Authorised by: Dr. A. Meier, Head of Laboratory"));
        Assert.That(text, Does.Contain("Acme Metering Ltd, QA"));
    }

    [Test]
    public void A_long_lab_name_is_shortened_in_the_running_header_not_overlapping_the_number()
    {
        using var temp = new TempFolder();
        var yaml = temp.File("lab.yaml");
        var name = "Physikalisch-Technisches Prüf- und Kalibrierlaboratorium für Elektrizitätszähler und Netzqualität Nord-West GmbH";
        File.WriteAllText(yaml, $"name: {name}\naddress: [x]\n");
        var pdf = temp.File("c.pdf");
        CertificateWriter.Write(SampleRuns.Mixed(), pdf, new CertificateOptions { LabFile = yaml });
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            var words = page.GetWords().ToList();
            var number = words.First(w => w.Text == "Certificate" && w.BoundingBox.Bottom > page.Height - 60);
            var headerLine = words.Where(w => Math.Abs(w.BoundingBox.Bottom - number.BoundingBox.Bottom) < 2 && w.BoundingBox.Left < number.BoundingBox.Left).ToList();
            Assert.That(headerLine, Is.Not.Empty);
            Assert.That(headerLine.Max(w => w.BoundingBox.Right), Is.LessThan(number.BoundingBox.Left - 5), $"page {page.Number}");
            Assert.That(headerLine[^1].Text, Does.EndWith("…"));
        }

        Assert.That(System.Text.RegularExpressions.Regex.Replace(PdfText.Poppler(pdf), @"\s+", " "), Does.Contain(name), "page 1 carries the full name");
    }

    [Test]
    public void A_broken_lab_file_names_line_and_column()
    {
        var e = Assert.Throws<BenchInputException>(() => LabIdentityReader.Parse("name: Lab\naddress: [unclosed\n", "lab.yaml"));
        Assert.That(e!.Location, Does.Match(@"^lab\.yaml:\d+:\d+$"));
    }

    [Test]
    public void A_lab_file_without_a_name_is_refused()
    {
        var e = Assert.Throws<BenchInputException>(() => LabIdentityReader.Parse("address: [x]\n", "lab.yaml"));
        Assert.That(e!.Message, Does.Contain("name"));
    }

    [Test]
    public void Missing_fonts_are_bad_input_naming_the_folder()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<BenchInputException>(() =>
            CertificateWriter.Write(SampleRuns.Mixed(), temp.File("c.pdf"), new CertificateOptions { FontsDirectory = temp.Path, LabFile = "x" }));
        Assert.That(e!.Location, Is.EqualTo(temp.Path));
        Assert.That(File.Exists(temp.File("c.pdf")), Is.False, "no half-written certificate");
    }
}
