using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Bench.Dut.Profiles;

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

    [Test]
    public void Bench_own_u2_and_pst_keys_are_accepted_by_schema_and_loader()
    {
        // Keys for meters whose map has u2 and Pst (the PM8000's has none): the registers at addresses Bench's
        // simulator uses, and the simulated meter's error hooks for them.
        var yaml = File.ReadAllText(ProfileFiles.Pm8000)
            .Replace("  frequency: { register: 3110", "  voltage_unbalance_u2: { register: 64001, type: float32, unit: \"%\" }\n  pst_voltage_an: { register: 64005, type: float32, unit: \"1\" }\n  frequency: { register: 3110", StringComparison.Ordinal)
            .Replace("    voltage_unbalance_points: 0.005", "    voltage_unbalance_points: 0.005\n    voltage_u2_points: 0.02\n    pst_percent: -3", StringComparison.Ordinal);
        var result = Validate(yaml);
        var profile = DutProfile.Parse(yaml, ProfileFiles.Pm8000);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, Describe(result));
            Assert.That(profile.Registers[MeterQuantity.VoltageUnbalanceU2].Number, Is.EqualTo(64001));
            Assert.That(profile.Registers[MeterQuantity.PstVoltageAN].Number, Is.EqualTo(64005));
            Assert.That(profile.Simulation.Instantaneous.VoltageU2Points, Is.EqualTo(0.02));
            Assert.That(profile.Simulation.Instantaneous.PstPercent, Is.EqualTo(-3));
        });
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
