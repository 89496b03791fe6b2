using Bench.Reports.Json;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests;

public sealed class RunReportsTests
{
    [Test]
    public void Writes_the_four_files_and_the_json_reads_back()
    {
        using var temp = new TempFolder();
        var paths = RunReports.WriteAll(SampleRuns.Mixed(), temp.Path);
        Assert.That(paths.Select(Path.GetFileName), Is.EqualTo(new[] { "results.json", "certificate.pdf", "junit.xml", "results.csv" }));
        Assert.That(paths.Select(p => new FileInfo(p).Length), Has.All.GreaterThan(500));
        Assert.That(ResultsJsonWriter.Read(paths[0]).Points, Has.Count.EqualTo(8));
        Assert.That(File.ReadAllBytes(paths[1])[..5], Is.EqualTo("%PDF-"u8.ToArray()));
    }
}
