using System.Text.Json;

using Bench.Instruments.Profiles;

using Json.Schema;

namespace Bench.Instruments.Tests.Profiles;

// Every profile in instruments/ must load, satisfy the JSON Schema shipped next to it, and say in its header whether it
// was checked against the maker's manual.
public class ShippedProfilesTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(InstrumentProfile.FindShipped("instrument-profile.schema.json"))));

    public static IEnumerable<string> ProfileFiles() =>
        Directory.GetFiles(Path.GetDirectoryName(InstrumentProfile.FindShipped("bench-sim-source.yaml"))!, "*.yaml").Select(Path.GetFileName).Order()!;

    [Test]
    public void TheIssueListOfProfilesIsShipped()
    {
        Assert.That(ProfileFiles(), Is.SupersetOf(new[]
        {
            "bench-sim-source.yaml", "bench-sim-reference.yaml", "fluke-6105a.yaml", "fluke-6100b.yaml", "ametek-ci-mx45-3pi.yaml",
            "chroma-61512.yaml", "yokogawa-wt5000.yaml", "yokogawa-wt1800.yaml",
        }));
    }

    [TestCaseSource(nameof(ProfileFiles))]
    public void LoadsAndSatisfiesTheSchema(string file)
    {
        var path = InstrumentProfile.FindShipped(file);
        var profile = InstrumentProfile.Load(path);
        Assert.That(profile.Name + ".yaml", Is.EqualTo(file), "file named after the profile");

        var schema = Schema.Value;
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(File.ReadAllText(path)));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.That(result.IsValid, Is.True, string.Join("\n", errors));
    }

    [TestCaseSource(nameof(ProfileFiles))]
    public void HeaderSaysWhetherItWasCheckedAgainstTheManual(string file)
    {
        var path = InstrumentProfile.FindShipped(file);
        var profile = InstrumentProfile.Load(path);
        var header = string.Join("\n", File.ReadLines(path).TakeWhile(l => l.StartsWith('#')));
        Assert.That(header, profile.CheckedAgainstManual ? Does.Contain("Checked against") : Does.Contain("NOT checked against the maker's manual"));
    }

    [Test]
    public void SchemaRejectsASourceWithoutSafeState()
    {
        var schema = Schema.Value;
        var yaml = File.ReadAllText(InstrumentProfile.FindShipped("bench-sim-source.yaml")).Replace("safe_state: [\"OUTPut OFF\"]\n", string.Empty, StringComparison.Ordinal);
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(yaml));
        Assert.That(schema.Evaluate(json).IsValid, Is.False);
    }
}
