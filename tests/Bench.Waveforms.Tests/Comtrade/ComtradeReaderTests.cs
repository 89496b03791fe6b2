using Bench.Core.Errors;
using Bench.Waveforms.Comtrade;

namespace Bench.Waveforms.Tests.Comtrade;

/// <summary>Reading records written by other tools: python-comtrade's sample files (Fixtures/python-comtrade, MIT).</summary>
public sealed class ComtradeReaderTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "python-comtrade", name);

    [Test]
    public void Ascii_2013_sample_configuration_and_values()
    {
        var r = ComtradeReader.Read(Fixture("sample_ascii.cfg"));
        var c = r.Config;
        Assert.Multiple(() =>
        {
            Assert.That(c.StationName, Is.EqualTo("SMARTSTATION"));
            Assert.That(c.RevisionYear, Is.EqualTo(2013));
            Assert.That(c.Analogs.Select(a => a.Id), Is.EqualTo(new[] { "IA", "IB", "IC", "3I0" }));
            Assert.That(c.Digitals, Has.Count.EqualTo(4));
            Assert.That(c.LineFrequencyHz, Is.EqualTo(60));
            Assert.That(c.SampleRates.Single(), Is.EqualTo((1200.0, 40L)));
            Assert.That(c.FirstSampleTime, Is.EqualTo(new DateTime(2011, 1, 12, 5, 55, 30).AddTicks(75011 * 10)));
            Assert.That(c.FileType, Is.EqualTo(ComtradeFileType.Ascii));
            Assert.That(c.TimeCode, Is.EqualTo("-5h30"));
            Assert.That(c.TimeQualityCode, Is.EqualTo("B"));
            Assert.That(c.LeapSecond, Is.EqualTo(3));

            // Line 1 of the .dat: IA raw −83; a = 0.1138916015625, b = 0.05694580078125, secondary ('s') with 933:1.
            Assert.That(r.Analogs[0][0], Is.EqualTo(((0.1138916015625 * -83) + 0.05694580078125) * 933).Within(1e-9));
            Assert.That(r.Digitals[0][13], Is.EqualTo(1), "51A is set from sample 14");
            Assert.That(r.Digitals[0][12], Is.EqualTo(0));
            Assert.That(r.TimesS[39], Is.EqualTo(39 / 1200.0).Within(1e-12));
        });
    }

    [Test]
    public void Secondary_values_on_request()
    {
        var r = ComtradeReader.Read(Fixture("sample_ascii.cfg"), primaryValues: false);
        Assert.That(r.Analogs[0][0], Is.EqualTo((0.1138916015625 * -83) + 0.05694580078125).Within(1e-12));
    }

    [Test]
    public void Missing_ascii_samples_become_NaN_and_are_bridged_for_analysis()
    {
        var dir = Directory.CreateTempSubdirectory("bench-comtrade-");
        try
        {
            File.Copy(Fixture("sample_ascii.cfg"), Path.Combine(dir.FullName, "m.cfg"));
            File.Copy(Fixture("sample_ascii_missing.dat"), Path.Combine(dir.FullName, "m.dat"));
            var r = ComtradeReader.Read(Path.Combine(dir.FullName, "m.cfg"));
            Assert.That(r.Analogs[0][1], Is.NaN);
            Assert.That(r.Analogs[1][2], Is.NaN);
            Assert.That(r.MissingSamples, Is.GreaterThanOrEqualTo(4));
            var w = ComtradeReader.ToWaveform(r, "m.cfg");
            Assert.That(w.Channels[0].Samples[1], Is.EqualTo((w.Channels[0].Samples[0] + w.Channels[0].Samples[2]) / 2).Within(1e-9));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Test]
    public void Binary_1999_sample_matches_an_independent_reader()
    {
        var ours = ComtradeReader.Read(Fixture("sample_bin.cfg"));
        var (rate, peer) = PythonPeer.Read(Fixture("sample_bin.cfg"));
        Assert.That(ours.Config.SampleRates[0].RateHz, Is.EqualTo(rate));
        Assert.That(ours.Config.Analogs[0].Unit, Is.EqualTo("kV"));
        Assert.That(ours.Digitals, Has.Length.EqualTo(16));
        for (var k = 0; k < peer.Count; k++)
        {
            Assert.That(ours.Analogs[k], Is.EqualTo(peer[k].Values.Select(v => v!.Value).ToArray()).Within(1e-9), peer[k].Id);
        }
    }

    [Test]
    public void Float32_2013_single_file_cff()
    {
        var r = ComtradeReader.Read(Fixture("sample_float32.cff"));
        Assert.Multiple(() =>
        {
            Assert.That(r.Config.FileType, Is.EqualTo(ComtradeFileType.Float32));
            Assert.That(r.Config.NanosecondTimeBase, Is.True, "nine fractional digits in the time lines");
            Assert.That(r.SampleCount, Is.EqualTo(301));
            Assert.That(r.Config.SampleRates[0].RateHz, Is.EqualTo(100));

            // Record 1 holds float32 bytes 03 D2 33 40 → 2.81... (IEEE 754 little-endian), a = 1, b = 0.
            Assert.That(r.Analogs[0][0], Is.EqualTo((double)BitConverter.ToSingle([0x03, 0xD2, 0x33, 0x40])).Within(1e-7));
        });
    }

    [Test]
    public void Bad_configuration_names_file_line_and_column()
    {
        var text = "ST,DEV,1999\n2,2A,0D\n1,UA,A,,V,abc,0,0,-32767,32767,1,1,P\n";
        var ex = Assert.Throws<BenchInputException>(() => ComtradeConfigParser.Parse(text, "x.cfg"));
        Assert.That(ex!.Location, Is.EqualTo("x.cfg:3:11"));
        Assert.That(ex.Reason, Does.Contain("abc"));
    }

    [Test]
    public void Missing_dat_file_is_a_clear_input_error()
    {
        var dir = Directory.CreateTempSubdirectory("bench-comtrade-");
        try
        {
            File.Copy(Fixture("sample_ascii.cfg"), Path.Combine(dir.FullName, "lonely.cfg"));
            var ex = Assert.Throws<BenchInputException>(() => ComtradeReader.Read(Path.Combine(dir.FullName, "lonely.cfg")));
            Assert.That(ex!.Reason, Does.Contain("lonely.dat"));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
