using Bench.Core.Errors;
using Bench.Dut.Profiles;

namespace Bench.Dut.Tests.Profiles;

/// <summary>Bad profiles fail with one message naming file:line:col, never with a stack trace or a silent default.</summary>
public sealed class ProfileErrorTests
{
    private static string Pm8000Text => File.ReadAllText(ProfileFiles.Pm8000);

    private static BenchInputException Fails(string yaml) =>
        Assert.Throws<BenchInputException>(() => DutProfile.Parse(yaml, "bad.yaml"))!;

    private static int LineOf(string yaml, string fragment) =>
        yaml[..yaml.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Test]
    public void A_missing_rating_names_the_mapping_that_lacks_it()
    {
        var yaml = Pm8000Text.Replace("  starting_current_a: 0.005     # Ist, 5 mA (0.1 % of In, class 0.2S)\n", string.Empty, StringComparison.Ordinal);
        var e = Fails(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("missing 'starting_current_a'"));
            Assert.That(e.Location, Is.EqualTo($"bad.yaml:{LineOf(yaml, "  nominal_current_a")}:3"));
        });
    }

    [Test]
    public void A_comma_decimal_is_rejected_where_it_stands()
    {
        var yaml = Pm8000Text.Replace("starting_current_a: 0.005", "starting_current_a: 0,005", StringComparison.Ordinal);
        var e = Fails(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("'starting_current_a' must be a number"));
            Assert.That(e.Location, Is.EqualTo($"bad.yaml:{LineOf(yaml, "0,005")}:23"));
        });
    }

    [Test]
    public void A_misspelt_key_is_unknown_rather_than_ignored()
    {
        var yaml = Pm8000Text.Replace("  measuring_elements: 3", "  measuring_element: 3\n  measuring_elements: 3", StringComparison.Ordinal);
        var e = Fails(yaml);
        Assert.That(e.Message, Does.Contain("unknown key 'measuring_element'"));
        Assert.That(e.Location, Is.EqualTo($"bad.yaml:{LineOf(yaml, "measuring_element:")}:3"));
    }

    [TestCase("  voltage_an: { register: 3028, type: float32, unit: V }", "  voltage_xn: { register: 3028, type: float32, unit: V }", "unknown quantity 'voltage_xn'")]
    [TestCase("  voltage_an: { register: 3028, type: float32, unit: V }", "  voltage_an: { register: 3028, type: float64, unit: V }", "'type' must be one of")]
    [TestCase("  voltage_an: { register: 3028, type: float32, unit: V }", "  voltage_an: { register: 3028, type: float32, unit: Volt }", "unknown unit 'Volt'")]
    [TestCase("  voltage_an: { register: 3028, type: float32, unit: V }", "  voltage_an: { register: 3090, type: float32, unit: V }", "lies in a gap")]
    [TestCase("  voltage_an: { register: 3028, type: float32, unit: V }", "  voltage_an: { register: 0, type: float32, unit: V }", "'register' must lie in 1…65536")]
    [TestCase("  model: { register: 50, type: utf8, length: 20 }", "  model: { register: 50, type: utf8 }", "says its 'length'")]
    [TestCase("    max_registers_per_read: 125", "    max_registers_per_read: 126", "must lie in 1…125")]
    [TestCase("  maximum_current_a: 10 ", "  maximum_current_a: 4 ", "starting current < nominal current ≤ maximum current")]
    [TestCase("numbering: one-based", "numbering: one", "'numbering' must be one of one-based, zero-based")]
    [TestCase("pf: 0.5 L,", "pf: 0.5,", "is not a power factor")]
    public void Bad_values_are_reported_with_their_reason(string good, string bad, string reason)
    {
        Assert.That(Pm8000Text, Does.Contain(good), "the test edits an existing line");
        var e = Fails(Pm8000Text.Replace(good, bad, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain(reason));
            Assert.That(e.Location, Does.Match(@"^bad\.yaml:\d+:\d+$"));
        });
    }

    [Test]
    public void Broken_yaml_syntax_has_a_position()
    {
        var e = Fails("name: x\nratings: { nominal_current_a: 5\n");
        Assert.That(e.Location, Does.Match(@"^bad\.yaml:\d+:\d+$"));
    }

    [Test]
    public void A_missing_file_is_bad_input_naming_the_path()
    {
        var e = Assert.Throws<BenchInputException>(() => DutProfile.Load("/nonexistent/dut.yaml"));
        Assert.That(e!.Location, Is.EqualTo("/nonexistent/dut.yaml"));
    }
}
