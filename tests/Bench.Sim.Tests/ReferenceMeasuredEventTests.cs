using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issues 6/7: the simulated reference standard detects events itself (Class A Urms(1/2) on the grid's waveform, the
/// meter's method), so the meter's events are judged against a measurement, not against the programmed settings. The
/// method's own 0–1 cycle lengthening is then on both sides and no longer eats the ±1-cycle duration tolerance.
/// </summary>
[NonParallelizable]
public class ReferenceMeasuredEventTests
{
    private const string Sequence = """
        name: events
        standard: IEC 61000-4-30
        class: A
        settle-s: 2
        points:
          - id: SEQ
            parameter: events
            gap-s: 1
            events:
              - { residual: 70, duration-ms: 100 }
              - { residual: 40, duration-cycles: 10, phases: L1 }
              - { residual: 120, duration-ms: 500, gap-s: 2 }
              - { residual: 0, duration-s: 5 }
              - { residual: 0, duration-cycles: 0.5 }
        """;

    private static async Task<PointResult> Run(SimulatedEventFaults faults, bool measuredReference = true)
    {
        var options = new SimulatedMeterOptions { UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None, EventFaults = faults };
        var results = await VirtualBenchRun.RunAsync(Sequence, options, measuredReference ? null : ReferenceProfiles.WithoutEvents());
        return results.Single();
    }

    [Test]
    public async Task A_good_meter_passes_against_the_reference_s_measured_events()
    {
        var result = await Run(SimulatedEventFaults.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Reason);
            Assert.That(result.Reason, Does.Contain("reference: measured by Bench SIM-REFERENCE-3P"));
            Assert.That(result.Reason, Does.Contain("5 events programmed, 5 logged by the meter, 0 missing, 0 extra"));
            // The 5 s interruption: programmed 5000 ms; both instruments' Urms(1/2) measure it 10…20 ms longer (the
            // refresh grid is locked to L1's zero crossings), so the meter agrees with the measurement to the ms.
            Assert.That(result.Reason, Does.Match(@"#4 interruption 0 % Udin 5000 ms \(250 cycles\) L1 L2 L3, measured interruption 0 % Udin 50[12]0 ms \(25\d(\.5)? cycles\) L1 L2 L3: meter interruption 0 % Udin 50[12]0 ms L1 L2 L3, start 0 ms; agrees"));
            // A half-cycle interruption is a 70.711 % dip (sqrt(1/2) of one cycle's RMS) for both, and is judged in full.
            Assert.That(result.Reason, Does.Match(@"#5 interruption 0 % Udin 10 ms \(0.5 cycles\) L1 L2 L3, measured dip 70.71\d % Udin \d0 ms .*: meter dip 70.71\d % Udin \d0 ms L1 L2 L3, start 0 ms; agrees"));
            Assert.That(result.Reason, Does.Not.Contain("not judged"));
            Assert.That(result.ErrorPercent!.Value, Is.EqualTo(0).Within(0.001), "same method on the same waveform: residuals agree");
        });
    }

    [TestCase(0.03)]
    [TestCase(-0.03)]
    public async Task A_meter_whose_durations_are_off_by_one_and_a_half_cycles_fails(double biasS)
    {
        // 1.5 cycles at 50 Hz = 30 ms, outside the ±1 cycle (20 ms) of IEC 61000-4-30 Class A.
        var result = await Run(new SimulatedEventFaults { DurationBiasS = biasS });
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail), result.Reason);
            Assert.That(result.Reason, Does.Contain(biasS > 0 ? "duration off by +30 ms (±20 ms)" : "duration off by -30 ms (±20 ms)"));
        });
    }

    [Test]
    public async Task A_meter_late_by_three_quarters_of_a_cycle_passes_against_the_measurement_but_not_the_programmed_values()
    {
        // +15 ms of bias: against the measurement the error is exactly 15 ms (inside ±20 ms); against the programmed
        // durations it is 15 ms plus the method's 0…20 ms lengthening, outside ±20 ms for the events that start late
        // in the half-cycle grid. This is the tighter agreement a measured reference gives.
        var faults = new SimulatedEventFaults { DurationBiasS = 0.015 };
        var measured = await Run(faults);
        var programmed = await Run(faults, measuredReference: false);
        Assert.Multiple(() =>
        {
            Assert.That(measured.Verdict, Is.EqualTo(Verdict.Pass), measured.Reason);
            Assert.That(programmed.Verdict, Is.EqualTo(Verdict.Fail), programmed.Reason);
            Assert.That(programmed.Reason, Does.Contain("reference: the programmed events"));
        });
    }

    [Test]
    public async Task Residuals_are_judged_against_the_measured_residual()
    {
        var within = await Run(new SimulatedEventFaults { ExtremeBiasPercent = 0.15 });
        var outside = await Run(new SimulatedEventFaults { ExtremeBiasPercent = -0.3 });
        Assert.Multiple(() =>
        {
            Assert.That(within.Verdict, Is.EqualTo(Verdict.Pass), within.Reason);
            Assert.That(outside.Verdict, Is.EqualTo(Verdict.Fail), outside.Reason);
            Assert.That(outside.ErrorPercent!.Value, Is.EqualTo(-0.3).Within(0.001), "meter − measured residual");
        });
    }
}
