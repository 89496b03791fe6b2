using System.Text.Json;

using Bench.Core.Results;
using Bench.Reports.Json;
using Bench.Reports.Tests.Support;

using Json.Schema;

namespace Bench.Reports.Tests.Json;

/// <summary>Validates what the writer emits against the shipped JSON Schema with JsonSchema.Net (an independent validator).</summary>
public sealed class ResultsSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ResultsJsonWriter.SchemaDocument());

    private static EvaluationResults Evaluate(string json) =>
        Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    [Test]
    public void Every_sample_run_validates()
    {
        RunRecord[] runs =
        [
            SampleRuns.Mixed(),
            SampleRuns.Mixed() with { AbortReason = "abort" },
            SampleRuns.Run([SampleBudgets.WithBudget(SampleRuns.Point("b", 100, "1", 0.05, 0.2, Verdict.ConditionalPass), k: 2.87)]),
            SampleRuns.Run([]),
        ];
        foreach (var run in runs)
        {
            var result = Evaluate(ResultsJsonWriter.ToJson(run));
            Assert.That(result.IsValid, Is.True, JsonSerializer.Serialize(result));
        }
    }

    [TestCase("\"verdict\": \"FAIL\"", "\"verdict\": \"MAYBE\"")]
    [TestCase("\"schema\": \"bench.results/1\"", "\"schema\": \"bench.results/2\"")]
    [TestCase("\"errorPercent\": -0.231", "\"errorPercent\": null")] // a FAIL without an error
    [TestCase("\"limitPercent\": 0.4,", "")]
    [TestCase("\"started\": \"2026-11-27T08:30:00+00:00\"", "\"started\": \"yesterday\"")]
    public void Broken_documents_do_not_validate(string from, string to)
    {
        var json = ResultsJsonWriter.ToJson(SampleRuns.Mixed());
        Assert.That(json, Does.Contain(from), "the mutation applies");
        Assert.That(Evaluate(json.Replace(from, to, StringComparison.Ordinal)).IsValid, Is.False);
    }

    [Test]
    public void The_schema_file_ships_next_to_the_assembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "schemas", "bench.results-1.schema.json");
        Assert.That(File.ReadAllText(path), Is.EqualTo(ResultsJsonWriter.SchemaDocument()));
    }
}
