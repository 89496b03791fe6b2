using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Waveforms.Csv;
using Bench.Waveforms.Synthesis;

namespace Bench.Waveforms.Tests;

public sealed class CsvWaveformTests
{
    [Test]
    public void Round_trip_is_exact_under_a_comma_decimal_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var record = ThreePhaseSynthesizer.Synthesize(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 60), 7680, 300);
            var text = new StringWriter(CultureInfo.InvariantCulture);
            CsvWaveformWriter.Write(record, text);
            var back = CsvWaveformReader.Read(new StringReader(text.ToString()), "mem.csv");
            Assert.That(back.SampleRateHz, Is.EqualTo(7680).Within(1e-6));
            Assert.That(back.NominalFrequencyHz, Is.EqualTo(60));
            Assert.That(back.Channels.Select(c => c.Phase), Is.EqualTo(new[] { "A", "B", "C", "A", "B", "C" }));
            Assert.That(back.Channels[4].Samples, Is.EqualTo(record.Channels[4].Samples));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Bad_number_names_line_and_column()
    {
        var csv = "time_s,UA[V]@A\n0,1.0\n0.001,1,5\n";
        var ex = Assert.Throws<BenchInputException>(() => CsvWaveformReader.Read(new StringReader(csv), "w.csv"));
        Assert.That(ex!.Location, Is.EqualTo("w.csv:3:1"));
        csv = "time_s,UA[V]@A\n0,1.0\n0.001,x1\n";
        ex = Assert.Throws<BenchInputException>(() => CsvWaveformReader.Read(new StringReader(csv), "w.csv"));
        Assert.That(ex!.Location, Is.EqualTo("w.csv:3:7"));
    }

    [Test]
    public void Bad_header_names_the_column()
    {
        var ex = Assert.Throws<BenchInputException>(() => CsvWaveformReader.Read(new StringReader("time_s,UA V\n0,1\n"), "w.csv"));
        Assert.That(ex!.Location, Is.EqualTo("w.csv:1:8"));
    }
}
