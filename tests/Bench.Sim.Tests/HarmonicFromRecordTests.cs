using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7, single harmonic orders on a meter without per-harmonic registers: the order is computed with Bench.Dsp
/// (IEC 61000-4-7, one 10-cycle window) from the waveform record the simulated PM8000 makes of a trigger dip, and
/// compared with the programmed spectrum: 6 % h5 of 230 V = 13.8 V ≥ 1 % Unom, so ±5 % of reading; 0.3 % h7 = 0.69 V
/// &lt; 1 % Unom (2.3 V), so ±0.05 % Unom = ±0.115 V.
/// </summary>
[NonParallelizable]
public class HarmonicFromRecordTests
{
    private const string Plan = """
        name: harmonics
        standard: IEC 61000-4-30
        class: A
        points:
          - { id: H5, parameter: harmonic, order: 5, harmonics: { h5: 6 } }
          - { id: H7, parameter: harmonic, order: 7, harmonics: { h7: 0.3 } }
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("bench-sim-harmonics-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private Task<IReadOnlyList<PointResult>> Run(double recordGain, bool records = true) =>
        VirtualBenchRun.RunAsync(
            Plan,
            new SimulatedMeterOptions { UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None, RecordFolder = _folder, RecordGain = recordGain },
            records: records ? b => b.Records : null);

    [Test]
    public async Task An_exact_recorder_passes_with_the_programmed_magnitudes()
    {
        var results = await Run(1);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass), string.Join("\n", results.Select(r => r.Reason)));
            Assert.That(results[0].ErrorUnit, Is.EqualTo("% of reading"));
            // Synthesised exactly and analysed over a whole number of cycles: the DFT subgroup returns the programmed 13.8 V.
            Assert.That(results[0].MeterValue!.Value, Is.EqualTo(13.8).Within(0.01));
            Assert.That(results[0].ErrorPercent!.Value, Is.EqualTo(0).Within(0.05));
            Assert.That(results[0].Reason, Does.Contain("from the meter's waveform record cmt0__").And.Contain("10-cycle IEC 61000-4-7 window"));
            Assert.That(results[1].ErrorUnit, Is.EqualTo("% of Unom"));
            Assert.That(results[1].LimitPercent, Is.EqualTo(0.05));
        });
    }

    [TestCase(1.03, Verdict.Pass)]
    [TestCase(1.07, Verdict.Fail)]
    [TestCase(0.93, Verdict.Fail)]
    public async Task The_recorder_s_gain_is_judged_within_five_percent_of_reading(double gain, Verdict expected)
    {
        var h5 = (await Run(gain))[0];
        Assert.Multiple(() =>
        {
            Assert.That(h5.Verdict, Is.EqualTo(expected), h5.Reason);
            // (gain − 1) × 100 % of reading on every phase.
            Assert.That(h5.ErrorPercent!.Value, Is.EqualTo((gain - 1) * 100).Within(0.05));
        });
    }

    [Test]
    public async Task Without_records_the_order_stays_incomplete()
    {
        var results = await Run(1, records: false);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Incomplete));
            Assert.That(results[0].Reason, Does.Contain("no per-harmonic register").And.Contain("no waveform records are declared for the meter"));
        });
    }
}
