using Bench.Core.Errors;
using Bench.Reports.Json;
using Bench.Reports.Tests.Support;

namespace Bench.Reports.Tests.Json;

public sealed class ResultsJsonReadErrorTests
{
    [Test]
    public void Broken_json_names_file_line_and_column()
    {
        using var temp = new TempFolder();
        var path = temp.File("results.json");
        File.WriteAllText(path, "{\n  \"schema\": \"bench.results/1\",\n  \"run\": [1,,]\n}\n");
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.Read(path));
        Assert.That(e!.Location, Does.StartWith(path + ":3:"));
    }

    [Test]
    public void A_wrong_schema_is_refused()
    {
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed()).Replace("bench.results/1", "bench.results/9", StringComparison.Ordinal);
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.FromJson(json, "old.json"));
        Assert.That(e!.Message, Does.Contain("bench.results/9").And.Contain("old.json"));
    }

    [Test]
    public void An_unknown_verdict_names_the_point()
    {
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed()).Replace("\"FAIL\"", "\"MAYBE\"", StringComparison.Ordinal);
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.FromJson(json, "r.json"));
        Assert.That(e!.Message, Does.Contain("points[2]").And.Contain("MAYBE"));
    }

    [Test]
    public void A_missing_required_member_is_refused()
    {
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed()).Replace("\"limitPercent\": 0.4,", "", StringComparison.Ordinal);
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.FromJson(json, "r.json"));
        Assert.That(e!.Message, Does.Contain("limitPercent"));
    }

    [Test]
    public void A_missing_file_is_bad_input()
    {
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.Read("/nonexistent/results.json"));
        Assert.That(e!.Location, Is.EqualTo("/nonexistent/results.json"));
    }
}
