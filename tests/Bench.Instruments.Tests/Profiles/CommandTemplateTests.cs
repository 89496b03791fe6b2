using System.Globalization;

using Bench.Instruments.Profiles;

namespace Bench.Instruments.Tests.Profiles;

// SCPI keyword rules (long form, short form = upper-case part, [] optional, case-insensitive) from shared/protocols/scpi.md §2.
public class CommandTemplateTests
{
    [Test]
    public void RenderDropsOptionalPartsAndUsesInvariantNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
        try
        {
            var t = new CommandTemplate("[SOURce:]PHASe{phase}:VOLTage {voltage:F3},{angle}");
            Assert.That(t.Render(("phase", 2), ("voltage", 230.5), ("angle", -120.25)), Is.EqualTo("PHASe2:VOLTage 230.500,-120.25"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestCase("SOUR:PHAS2:VOLT 230.5,-120")]
    [TestCase("SOURCE:PHASE2:VOLTAGE 230.5,-120")]
    [TestCase(":phas2:volt 230.5 , -120")]
    [TestCase("PHASe2:VOLTage 2.305E+02,-1.2e2")]
    public void MatcherAcceptsLongShortAndBracketlessForms(string command)
    {
        var m = new CommandTemplate("[SOURce:]PHASe{phase}:VOLTage {voltage},{angle}").BuildMatcher().Match(command);
        Assert.That(m.Success, Is.True);
        Assert.That(double.Parse(m.Groups["voltage"].Value, CultureInfo.InvariantCulture), Is.EqualTo(230.5));
        Assert.That(m.Groups["phase"].Value, Is.EqualTo("2"));
    }

    [TestCase("SOUR:PHA2:VOLT 230,0")]
    [TestCase("SOUR:PHAS2:VOLT 230")]
    [TestCase("SOUR:PHAS2:VOLT:HARM3 230,0")]
    public void MatcherRejectsOtherCommands(string command)
    {
        Assert.That(new CommandTemplate("[SOURce:]PHASe{phase}:VOLTage {voltage},{angle}").BuildMatcher().IsMatch(command), Is.False);
    }

    [Test]
    public void NegativeZeroIsWrittenAsZero()
    {
        Assert.That(new CommandTemplate("PHAS {angle}").Render(("angle", -0.0)), Is.EqualTo("PHAS 0"));
    }

    [Test]
    public void MissingValueIsAnArgumentError()
    {
        var t = new CommandTemplate("FREQ {frequency}");
        Assert.That(() => t.Render(), Throws.ArgumentException.With.Message.Contains("frequency"));
    }
}
