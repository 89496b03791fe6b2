using Bench.Core.Results;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Repeatability on the virtual bench: the spread of repeated gates at one load point against class/10 (0.02 % for
/// 0.2S, energy-accuracy.md §10, unconfirmed). The simulated meter scatters its registers by a chosen standard
/// deviation (SimulatedMeterOptions.EnergyNoisePercent), drawn afresh for each stretch of integration.
/// </summary>
[NonParallelizable]
public class RepeatabilityPlanTests
{
    private const string Plan = """
        name: repeatability
        standard: IEC 62053-22
        class: 0.2S
        points:
          - { id: REP, test: repeatability, current: In, pf: "1", repeats: 8 }
        """;

    [Test]
    public async Task A_steady_meter_passes_and_a_scattering_one_fails()
    {
        var steady = (await VirtualBenchRun.RunAsync(Plan, new SimulatedMeterOptions { UseProfileErrorCurve = false, EnergyNoisePercent = 0.004 })).Single();
        var scattering = (await VirtualBenchRun.RunAsync(Plan, new SimulatedMeterOptions { UseProfileErrorCurve = false, EnergyNoisePercent = 0.08 })).Single();
        Assert.Multiple(() =>
        {
            Assert.That(steady.Test, Is.EqualTo("repeatability"));
            Assert.That(steady.LimitPercent, Is.EqualTo(0.02), "0.2S / 10");
            Assert.That(steady.LimitSource!.Unconfirmed, Is.True);
            Assert.That(steady.Repeats, Is.EqualTo(8));
            Assert.That(steady.ErrorPercent, Is.GreaterThan(0).And.LessThan(0.012), "s of a meter scattering by 0.004 % (with register steps of limit/10)");
            Assert.That(steady.Verdict, Is.EqualTo(Verdict.Pass), steady.Reason);
            Assert.That(scattering.ErrorPercent, Is.GreaterThan(0.03), scattering.Reason);
            Assert.That(scattering.Verdict, Is.EqualTo(Verdict.Fail), scattering.Reason);
            Assert.That(scattering.Reason, Does.Contain("over 8 readings").And.Contain("simple acceptance"));
        });
    }
}
