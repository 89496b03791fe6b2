using System.Diagnostics;

using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7, IEC 62586-2 flicker on the virtual bench: the source modulates the voltages at IEC 61000-4-15 Ed.2
/// Table 5 rows (230 V 50 Hz: Pst = 1.00), the bench waits one clock-aligned 10-minute interval of virtual time, and
/// the meter's Pst is judged within Class F1's ±5 % of reading (pq-limits.md). The Pst registers are Bench's
/// simulator's own (see <see cref="UnbalancePlanTests.WithU2"/>); the shipped PM8000 profile has none.
/// </summary>
[NonParallelizable]
public class FlickerPlanTests
{
    private const string Plan = """
        name: flicker
        standard: IEC 61000-4-30
        class: A
        points:
          - { id: P1, parameter: flicker, flicker: { changes-per-minute: 1620, delta-u: 0.407 } }
          - { id: P2, parameter: flicker, flicker: { changes-per-minute: 39, delta-u: 0.894 } }
          - { id: P3, parameter: flicker, flicker: { changes-per-minute: 39, delta-u: 0.5 } }
        """;

    [Test]
    public async Task A_meter_within_class_f1_passes_at_table_5_points()
    {
        var watch = Stopwatch.StartNew();
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0, UnbalancePlanTests.WithU2()));
        Assert.Multiple(() =>
        {
            Assert.That(results.Take(2).Select(r => r.ReferenceValue), Has.All.EqualTo(1.0), "IEC 61000-4-15 Table 5: Pst = 1.00");
            Assert.That(results.Take(2).Select(r => r.MeterValue), Has.All.EqualTo(1.0).Within(0.01), "the simulated meter's flickermeter");
            Assert.That(results.Take(2).Select(r => r.LimitPercent), Has.All.EqualTo(5));
            Assert.That(results.Take(2).Select(r => r.Verdict), Has.All.EqualTo(Verdict.Pass), results[0].Reason);
            Assert.That(results[0].Reason, Does.Contain("IEC 61000-4-15 Ed.2 Table 5"));
            Assert.That(results[2].Verdict, Is.EqualTo(Verdict.Incomplete), "0.5 % at 39/min is no Table 5 row");
            Assert.That(results[2].Reason, Does.Contain("no reference Pst"));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "two 10-minute intervals of virtual time");
        });
        TestContext.Out.WriteLine($"Pst meter {results[0].MeterValue}, {results[1].MeterValue} in {watch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task A_meter_reading_8_percent_high_fails()
    {
        var results = await VirtualBenchRun.RunAsync(Plan, Options(8, UnbalancePlanTests.WithU2()));
        Assert.Multiple(() =>
        {
            Assert.That(results[0].ErrorPercent, Is.EqualTo(8).Within(1), "8 % gain on a Pst within ±1 % of 1");
            Assert.That(results.Take(2).Select(r => r.Verdict), Has.All.EqualTo(Verdict.Fail), results[0].Reason);
        });
    }

    [Test]
    public async Task The_shipped_pm8000_profile_maps_no_pst_and_ends_incomplete()
    {
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0, null));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(results[0].Reason, Does.Contain("maps no Pst register"));
        });
    }

    [Test]
    public async Task A_source_without_a_flicker_command_ends_incomplete()
    {
        // The Fluke 6105A profile has no set_voltage_flicker (its manual was not checked for one).
        var results = await VirtualBenchRun.RunAsync(Plan, Options(0, UnbalancePlanTests.WithU2()), sourceProfile: InstrumentProfile.LoadShipped("fluke-6105a.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Incomplete));
            Assert.That(results[0].Reason, Does.Contain("has no set_voltage_flicker command"));
        });
    }

    private static SimulatedMeterOptions Options(double pstPercent, DutProfile? profile) => new()
    {
        UseProfileErrorCurve = false,
        InstantaneousErrors = InstantaneousErrors.None with { PstPercent = pstPercent },
        Profile = profile,
    };
}
