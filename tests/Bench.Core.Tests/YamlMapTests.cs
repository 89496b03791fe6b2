using Bench.Core.Errors;
using Bench.Core.Yaml;

namespace Bench.Core.Tests;

public class YamlMapTests
{
    [TestCase("name: x\n  bad: [", "plan.yaml:2:", "not valid YAML")]
    [TestCase("- a\n- b\n", "plan.yaml:1:1", "expected a plan at the top level")]
    [TestCase("", "plan.yaml:1:1", "found nothing")]
    [TestCase("a: 1\n---\nb: 2\n", "plan.yaml:3:1", "expected one YAML document")]
    public void Bad_documents_are_located(string yaml, string where, string message)
    {
        var e = Assert.Throws<BenchInputException>(() => YamlMap.Parse(yaml, "plan.yaml", "a plan"))!;
        Assert.That(e.Message, Does.StartWith(where).And.Contain(message));
    }

    [Test]
    public void Values_are_typed_and_their_errors_name_the_value()
    {
        var map = YamlMap.Parse("n: 0.005\ni: 7\nd: 2026-11-27\ns: text\nm: { k: v }\nbad: 0,5\n", "p.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(map.Number("n"), Is.EqualTo(0.005));
            Assert.That(map.Integer("i", 1, 10), Is.EqualTo(7));
            Assert.That(map.OptionalDate("d"), Is.EqualTo(new DateOnly(2026, 11, 27)));
            Assert.That(map.RequiredString("s"), Is.EqualTo("text"));
            Assert.That(map.Map("m").RequiredString("k"), Is.EqualTo("v"));
            Assert.That(map.OptionalNumber("absent"), Is.Null);
            Assert.That(() => map.OptionalNumber("bad"), Throws.TypeOf<BenchInputException>().With.Message.EqualTo("p.yaml:6:6: 'bad' must be a number (with a '.' decimal point, e.g. 0.005), not '0,5'"));
            Assert.That(() => map.Integer("i", 1, 5), Throws.TypeOf<BenchInputException>().With.Message.Contains("p.yaml:2:4: 'i' must lie in 1…5, not 7"));
            Assert.That(() => map.Map("s"), Throws.TypeOf<BenchInputException>().With.Message.Contains("p.yaml:4:4: 's' must be a mapping"));
            Assert.That(() => map.RequiredString("missing"), Throws.TypeOf<BenchInputException>().With.Message.Contains("missing 'missing'"));
        });
    }

    [Test]
    public void A_key_nobody_read_is_an_error_at_that_key()
    {
        var map = YamlMap.Parse("name: x\ncalibratoin: y\n", "bench.yaml");
        map.RequiredString("name");
        var e = Assert.Throws<BenchInputException>(map.RejectUnknownKeys)!;
        Assert.That(e.Message, Is.EqualTo("bench.yaml:2:1: unknown key 'calibratoin'"));
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.yaml");
        Assert.That(() => YamlMap.LoadFile(path), Throws.TypeOf<BenchInputException>().With.Message.EqualTo($"{path}: file not found"));
    }
}
