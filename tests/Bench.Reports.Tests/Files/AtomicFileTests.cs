using Bench.Core.Errors;
using Bench.Reports.Certificate;
using Bench.Reports.Files;
using Bench.Reports.Json;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Files;

public sealed class AtomicFileTests
{
    [Test]
    public void Replaces_the_target_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("sub/results.json");
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new ±");
        Assert.That(File.ReadAllBytes(path), Is.EqualTo("new ±"u8.ToArray()), "UTF-8 without BOM");
        Assert.That(Directory.GetFiles(temp.File("sub")), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_failed_certificate_keeps_the_previous_file()
    {
        using var temp = new TempFolder();
        var pdf = temp.File("certificate.pdf");
        CertificateWriter.Write(SampleRuns.Mixed(), pdf);
        var before = File.ReadAllBytes(pdf);
        Assert.Throws<BenchInputException>(() =>
            CertificateWriter.Write(SampleRuns.Mixed(), pdf, new CertificateOptions { LabFile = temp.File("missing.yaml") }));
        Assert.That(File.ReadAllBytes(pdf), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));
    }

    [Test]
    public void Writers_create_missing_folders()
    {
        using var temp = new TempFolder();
        var path = temp.File("a/b/c/results.json");
        ResultsJsonWriter.Write(SampleRuns.Mixed(), path);
        Assert.That(ResultsJsonWriter.Read(path).RunId, Is.EqualTo("run-20261127-083000-a1b2"));
    }
}
