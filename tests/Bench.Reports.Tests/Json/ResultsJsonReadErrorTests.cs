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
    public void A_pdf_passed_by_mistake_is_bad_input_at_1_1()
    {
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.FromJson("%PDF-1.4\n...", "certificate.pdf"));
        Assert.That(e!.Location, Is.EqualTo("certificate.pdf:1:1"));
        Assert.That(e.Reason, Does.StartWith("not a valid bench.results/1 file"));
    }

    [Test]
    public void Null_where_the_schema_needs_a_value_is_refused()
    {
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed());
        var nulled = System.Text.RegularExpressions.Regex.Replace(json, @"""points"": \[.*\],\n  ""verdict""", "\"points\": null,\n  \"verdict\"",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.That(nulled, Does.Contain("\"points\": null"));
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.FromJson(nulled, "r.json"));
        Assert.That(e!.Message, Does.Contain("points"));
    }

    [Test]
    public void A_missing_file_is_bad_input()
    {
        var e = Assert.Throws<BenchInputException>(() => ResultsJsonWriter.Read("/nonexistent/results.json"));
        Assert.That(e!.Location, Is.EqualTo("/nonexistent/results.json"));
    }
}
