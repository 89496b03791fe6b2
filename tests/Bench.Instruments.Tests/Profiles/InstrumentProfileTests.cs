using Bench.Core.Errors;
using Bench.Instruments.Profiles;

namespace Bench.Instruments.Tests.Profiles;

public class InstrumentProfileTests
{
    [Test]
    public void ShippedSimulatorProfilesLoad()
    {
        var source = InstrumentProfile.Load(InstrumentProfile.FindShipped("bench-sim-source.yaml"));
        Assert.That((source.Name, source.Manufacturer, source.Model), Is.EqualTo(("bench-sim-source", "Bench", "SIM-SOURCE-3P")));
        Assert.That(source.Roles, Is.EqualTo(new[] { "source" }));
        Assert.That(source.SettleTimeS, Is.EqualTo(0.5));
        Assert.That(source.SafeState, Is.EqualTo(new[] { "OUTPut OFF" }));

        var reference = InstrumentProfile.LoadShipped("bench-sim-reference.yaml");
        Assert.That(reference.Roles, Is.EqualTo(new[] { "reference" }));
        Assert.That(reference.EnergyAccuracy, Is.Not.Null);
        Assert.That(reference.EnergyAccuracy!.AtUnityPowerFactor, Is.EqualTo(new AccuracyTerm(100, 0)));
        Assert.That(reference.EnergyAccuracy.CoverageFactor, Is.EqualTo(2));
    }

    [Test]
    public void AccuracyInterpolatesBetweenPfOneAndHalf()
    {
        // 100 ppm at PF 1, 150 ppm at PF 0.5, linear in between: PF 0.75 → 125 ppm; k = 2 → 62.5 ppm standard uncertainty.
        var spec = new AccuracySpec(new AccuracyTerm(100, 0), new AccuracyTerm(150, 0), 2, "normal");
        Assert.That(spec.HalfWidthPpm(0.75, 1, 1), Is.EqualTo(125).Within(1e-9));
        Assert.That(spec.StandardUncertaintyPpm(0.75, 1, 1), Is.EqualTo(62.5).Within(1e-9));
        // ±(50 ppm rdg + 10 ppm rng) at half range: 50 + 10·2 = 70 ppm of reading.
        Assert.That(new AccuracyTerm(50, 10).RelativePpm(0.5, 1), Is.EqualTo(70).Within(1e-9));
    }

    [TestCase("schema: bench-instrument-profile/1\nname: x\n  bad: [", "not valid YAML")]
    [TestCase(Minimal + "voltage: 3\n", "unknown key 'voltage'")]
    [TestCase(Minimal + "ranges:\n  voltage:\n    - {min: 0, max: abc}\n", "'abc' is not a number")]
    [TestCase("schema: bench-instrument-profile/2\n", "unsupported schema")]
    public void ErrorsCarryFileLineAndColumn(string yaml, string reason)
    {
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(yaml, "p.yaml"));
        Assert.That(ex!.Message, Does.Match(@"^p\.yaml:\d+:\d+: ").And.Contain(reason));
    }

    [Test]
    public void ErrorPointsAtTheOffendingLine()
    {
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(Minimal + "ranges:\n  voltage:\n    - {min: 0, max: abc}\n", "p.yaml"));
        var line = Minimal.Split('\n').Length + 2; // the list item is the third line after the minimal part
        Assert.That(ex!.Location, Does.StartWith($"p.yaml:{line}:"));
    }

    [Test]
    public void SerialSettingsComeFromTheTransportSection()
    {
        var p = InstrumentProfile.LoadShipped("chroma-61512.yaml");
        Assert.That((p.Transport.Serial.BaudRate, p.Transport.Serial.Parity, p.Transport.Serial.FlowControl),
            Is.EqualTo((9600, System.IO.Ports.Parity.None, System.IO.Ports.Handshake.RequestToSend)));
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(Minimal + "transport: {parity: sometimes}\n", "p.yaml"));
        Assert.That(ex!.Message, Does.Contain("'sometimes' is not one of"));
    }

    [Test]
    public void SourceProfileWithoutSafeStateIsRejected()
    {
        var yaml = Minimal.Replace("safe_state: [\"OUTP OFF\"]\n", string.Empty, StringComparison.Ordinal);
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(yaml, "p.yaml"));
        Assert.That(ex!.Message, Does.Contain("safe_state"));
    }

    [Test]
    public void MissingFileIsAnInputError()
    {
        Assert.That(() => InstrumentProfile.Load("/nonexistent/x.yaml"), Throws.TypeOf<BenchInputException>().With.Message.Contains("/nonexistent/x.yaml"));
        Assert.That(() => InstrumentProfile.FindShipped("no-such-profile.yaml"), Throws.TypeOf<BenchInputException>());
    }

    private const string Minimal = """
        schema: bench-instrument-profile/1
        name: t
        manufacturer: M
        model: X
        roles: [source]
        checked_against_manual: false
        identity: {idn: '^M,X,'}
        safe_state: ["OUTP OFF"]
        commands:
          set_frequency: "FREQ {frequency}"
          set_voltage: "VOLT{phase} {voltage},{angle}"
          set_current: "CURR{phase} {current},{angle}"
          output_on: "OUTP ON"
          output_off: "OUTP OFF"

        """;
}
