using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7, IEC 62586-2 distortion and the parameters the PM8000 map lacks, on the virtual bench: THD against the
/// programmed spectrum (Class I: ±5 % of reading at ≥ 1 % Unom, ±0.05 % Unom below; power-quality.md §6), and
/// unbalance, per-order harmonics and flicker INCOMPLETE with the reason, never PASS.
/// </summary>
[NonParallelizable]
public class DistortionAndUnsupportedPlanTests
{
    private const string Plan = """
        name: distortion
        standard: IEC 61000-4-30
        class: A
        repeats: 2
        points:
          - { id: THD, parameter: thd, harmonics: { h3: 5, h5: 6, h7: 5 } }
          - { id: THD-LOW, parameter: thd, harmonics: { h5: 0.5 } }
          - { id: H5, parameter: harmonic, order: 5, harmonics: { h5: 6 } }
          - { id: U2, parameter: unbalance, unbalance: 2 }
          - { id: PST, parameter: flicker, flicker: { changes-per-minute: 1620, delta-u: 0.407 } }
        """;

    [Test]
    public async Task Thd_is_compared_with_the_programmed_spectrum_and_the_rest_is_incomplete()
    {
        var results = await VirtualBenchRun.RunAsync(Plan, new SimulatedMeterOptions { UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None });
        var thd = results[0];
        var low = results[1];
        Assert.Multiple(() =>
        {
            // THD = √(5² + 6² + 5²) = √86 = 9.2736 % of the fundamental (IEC 61000-4-7 THD, power-quality.md §6).
            Assert.That(thd.ReferenceValue, Is.EqualTo(Math.Sqrt(86)).Within(1e-9));
            Assert.That(thd.MeterValue, Is.EqualTo(Math.Sqrt(86)).Within(0.05), "the simulated meter's IEC 61000-4-7 subgroups");
            Assert.That(thd.ErrorUnit, Is.EqualTo("% of reading"));
            Assert.That(thd.LimitPercent, Is.EqualTo(5));
            Assert.That(thd.Verdict, Is.EqualTo(Verdict.Pass), thd.Reason);
            Assert.That(thd.Reason, Does.Contain("reference: the programmed spectrum"));
            // 0.5 % of 230 V is 0.5 % Unom < 1 %: the absolute ±0.05 % Unom row.
            Assert.That(low.ErrorUnit, Is.EqualTo("% of Unom"));
            Assert.That(low.LimitPercent, Is.EqualTo(0.05));
            Assert.That(low.Verdict, Is.EqualTo(Verdict.Pass), low.Reason);
            Assert.That(results.Skip(2).Select(r => r.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(results[2].Reason, Does.Contain("no per-harmonic register"));
            Assert.That(results[3].Reason, Does.Contain("maps no voltage_unbalance_u2 register"));
            Assert.That(results[4].Reason, Does.Contain("no Pst register"));
        });
    }

    [Test]
    public async Task A_map_that_reads_the_wrong_thd_register_fails()
    {
        // The bench's profile points thd_voltage_an at the current THD register (21300): it reads 0 with no current harmonics.
        var path = ShippedFiles.Find("fixtures/dut", "pm8000.yaml");
        var text = File.ReadAllText(path).Replace("thd_voltage_an: { register: 21330", "thd_voltage_an: { register: 21300", StringComparison.Ordinal);
        var wrong = DutProfile.Parse(text.Replace("  thd_current_a: { register: 21300, type: float32, unit: \"%\" }\n", "", StringComparison.Ordinal), path);
        var results = await VirtualBenchRun.RunAsync(Plan, new SimulatedMeterOptions { UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None }, benchDut: wrong);
        Assert.Multiple(() =>
        {
            Assert.That(results[0].Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(results[0].MeterValue, Is.EqualTo(0).Within(1e-4), "numerical noise of an undistorted current");
            Assert.That(results[0].ErrorPercent, Is.EqualTo(-100).Within(1e-3));
        });
    }
}
