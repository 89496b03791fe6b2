using Bench.Core.Quantities;
using Bench.Waveforms.Comtrade;
using Bench.Waveforms.Records;
using Bench.Waveforms.Synthesis;

namespace Bench.Waveforms.Tests.Comtrade;

/// <summary>Our writer's files (.cfg/.dat pairs and 2013 single .cff files) read back by an independent Python reader and by ours, for every encoding.</summary>
public sealed class ComtradeRoundTripTests
{
    [TestCase(ComtradeFileType.Ascii, 1999, 2e-5)]
    [TestCase(ComtradeFileType.Binary, 1999, 4e-5)]
    [TestCase(ComtradeFileType.Binary, 2013, 4e-5)]
    [TestCase(ComtradeFileType.Binary32, 2013, 1e-8)]
    [TestCase(ComtradeFileType.Float32, 2013, 1e-7)]
    public void Written_record_reads_back_the_same(ComtradeFileType type, int revision, double relativeTolerance)
        => RoundTrip(relativeTolerance, cfg => ComtradeWriter.Write(Record(), cfg, type, revision), "rt.cfg");

    [TestCase(ComtradeFileType.Ascii, 2e-5)]
    [TestCase(ComtradeFileType.Binary, 4e-5)]
    [TestCase(ComtradeFileType.Binary32, 1e-8)]
    [TestCase(ComtradeFileType.Float32, 1e-7)]
    public void Single_file_cff_reads_back_the_same(ComtradeFileType type, double relativeTolerance)
        => RoundTrip(relativeTolerance, cff => ComtradeWriter.WriteCff(Record(), cff, type), "rt.cff");

    private static WaveformRecord Record()
    {
        var setpoint = ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.8, LoadKind.Inductive), 50);
        return ThreePhaseSynthesizer.Synthesize(setpoint, 6400, 640) with { StartTime = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero) };
    }

    private static void RoundTrip(double relativeTolerance, Action<string> write, string fileName)
    {
        var record = Record();
        var dir = Directory.CreateTempSubdirectory("bench-comtrade-");
        try
        {
            var cfg = Path.Combine(dir.FullName, fileName);
            write(cfg);
            var (rate, peer) = PythonPeer.Read(cfg);
            var ours = ComtradeReader.ReadWaveform(cfg);
            Assert.That(rate, Is.EqualTo(6400));
            Assert.That(ours.SampleRateHz, Is.EqualTo(6400));
            Assert.That(ours.StartTime, Is.EqualTo(record.StartTime));
            for (var k = 0; k < record.Channels.Count; k++)
            {
                var full = record.Channels[k].Samples.Max(Math.Abs);
                Assert.That(peer[k].Values.Select(v => v!.Value), Is.EqualTo(record.Channels[k].Samples).Within(relativeTolerance * full), $"python {peer[k].Id}");
                Assert.That(ours.Channels[k].Samples, Is.EqualTo(record.Channels[k].Samples).Within(relativeTolerance * full), $"ours {k}");
                Assert.That(ours.Channels[k].Unit, Is.EqualTo(record.Channels[k].Unit));
                Assert.That(PhaseLabel.Of(ours.Channels[k]), Is.EqualTo(k % 3));
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
