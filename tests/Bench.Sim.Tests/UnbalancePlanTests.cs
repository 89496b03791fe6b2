using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7, IEC 62586-2 unbalance on the virtual bench: the source adds a negative-sequence voltage, the meter's u2
/// register is compared with the analytic u2 of the programmed phasors within Class A's ±0.15 % absolute
/// (IEC 61000-4-30 Ed.3 §5.7, pq-limits.md). The PM8000's map has no u2 register, so the test profile adds one at
/// register 64001, an address of Bench's own simulator (no PM8000 register, pm8000-map.md).
/// </summary>
[NonParallelizable]
public class UnbalancePlanTests
{
    private const string Plan = """
        name: unbalance
        standard: IEC 61000-4-30
        class: A
        repeats: 2
        points:
          - { id: U2-1, parameter: unbalance, unbalance: 1 }
          - { id: U2-5, parameter: unbalance, unbalance: 5 }
        """;

    [Test]
    public async Task A_meter_within_the_class_a_limit_passes()
    {
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0.01, WithU2()));
        Assert.Multiple(() =>
        {
            // The setting is U·e^{jθ} + u·U·e^{−jθ}: U2/U1 = u exactly (symmetrical components, IEC 61000-4-30 §5.7.1).
            Assert.That(results.Select(r => r.ReferenceValue), Is.EqualTo(new double?[] { 1, 5 }).Within(1e-9));
            Assert.That(results.Select(r => r.MeterValue), Is.EqualTo(new double?[] { 1.01, 5.01 }).Within(1e-4), "u2 from the grid's phasors + 0.01 point");
            Assert.That(results.Select(r => r.ErrorPercent), Is.EqualTo(new double?[] { 0.01, 0.01 }).Within(1e-4));
            Assert.That(results.Select(r => r.LimitPercent), Has.All.EqualTo(0.15));
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Pass), results[0].Reason);
            Assert.That(results[0].Reason, Does.Contain("analytic u2 = U2/U1 of the programmed phasors"));
        });
    }

    [Test]
    public async Task A_meter_off_by_more_than_0_15_points_fails()
    {
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0.2, WithU2()));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.ErrorPercent), Is.EqualTo(new double?[] { 0.2, 0.2 }).Within(1e-4));
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Fail), results[0].Reason);
        });
    }

    [Test]
    public async Task The_negative_sequence_setting_goes_through_a_fluke_6105a_dialect_too()
    {
        // Its set_voltage carries the angle ({voltage},{angle} on HARMonic1): the phasors arrive as programmed.
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0, WithU2()), sourceProfile: InstrumentProfile.LoadShipped("fluke-6105a.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.MeterValue), Is.EqualTo(new double?[] { 1, 5 }).Within(1e-3));
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Pass), results[0].Reason);
        });
    }

    [Test]
    public async Task The_shipped_pm8000_profile_maps_no_u2_and_ends_incomplete()
    {
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0, null));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(results[0].Reason, Does.Contain("maps no voltage_unbalance_u2 register"));
            Assert.That(results.Select(r => r.MeterValue), Has.All.Null);
        });
    }

    /// <summary>
    /// The shipped PM8000 profile plus u2, u0 (registers 64001, 64003) and Pst per phase (64005, 64007, 64009):
    /// addresses of Bench's own simulator, no PM8000 registers.
    /// </summary>
    internal static DutProfile WithU2()
    {
        var path = ShippedFiles.Find("fixtures/dut", "pm8000.yaml");
        var text = File.ReadAllText(path).Replace(
            "  frequency: { register: 3110",
            "  voltage_unbalance_u2: { register: 64001, type: float32, unit: \"%\" }   # Bench simulator's own\n"
            + "  voltage_unbalance_u0: { register: 64003, type: float32, unit: \"%\" }\n"
            + "  pst_voltage_an: { register: 64005, type: float32, unit: \"1\" }\n"
            + "  pst_voltage_bn: { register: 64007, type: float32, unit: \"1\" }\n"
            + "  pst_voltage_cn: { register: 64009, type: float32, unit: \"1\" }\n"
            + "  frequency: { register: 3110",
            StringComparison.Ordinal);
        return DutProfile.Parse(text, path);
    }

    private static SimulatedMeterOptions Options(double u2Points, DutProfile? profile) => new()
    {
        UseProfileErrorCurve = false,
        InstantaneousErrors = InstantaneousErrors.None with { VoltageU2Points = u2Points },
        Profile = profile,
    };
}
