using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Json.Schema;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bench.Dut.Tests.Profiles;

/// <summary>The shipped profiles validate against fixtures/dut/dut-profile.schema.json (JsonSchema.Net), and the schema rejects what the loader rejects.</summary>
public sealed class ProfileSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(ProfileFiles.Schema);

    [TestCase("pm8000.yaml")]
    [TestCase("generic-modbus-meter.yaml")]
    public void Shipped_profile_is_valid(string file)
    {
        var result = Validate(File.ReadAllText(Path.Combine(ProfileFiles.Folder, file)));
        Assert.That(result.IsValid, Is.True, Describe(result));
    }

    [TestCase("  measuring_elements: 3", "  measuring_elements: 3\n  colour: red")]
    [TestCase("type: int64, unit: Wh }", "type: int64, unit: W }")]
    [TestCase("word_order: ABCD", "word_order: ADCB")]
    [TestCase("  voltage_an: {", "  voltage_xn: {")]
    public void Schema_rejects_what_the_loader_rejects(string good, string bad)
    {
        var yaml = File.ReadAllText(ProfileFiles.Pm8000);
        Assert.That(yaml, Does.Contain(good));
        Assert.That(Validate(yaml.Replace(good, bad, StringComparison.Ordinal)).IsValid, Is.False);
    }

    private static EvaluationResults Validate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode));
        return Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults r) => string.Join("; ", (r.Details ?? []).Where(d => d.Errors is not null)
        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>YAML → JSON with YAML 1.2 core-schema typing of plain scalars (quoted scalars stay strings).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
