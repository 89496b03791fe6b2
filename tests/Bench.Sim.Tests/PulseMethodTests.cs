using Bench.Core.Results;

namespace Bench.Sim.Tests;

/// <summary>
/// The pulse-output method on the virtual bench: the simulated PM8000's pulses (10 000 imp/kWh in its profile) are
/// counted by the simulated reference's pulse input over the reference's own gate.
/// </summary>
[NonParallelizable]
public class PulseMethodTests
{
    [TestCase(0.0)]
    [TestCase(0.3)]
    [TestCase(-0.15)]
    public async Task Pulse_count_measures_the_meters_error(double meterError)
    {
        const string plan = """
            name: pulse
            standard: IEC 62053-22
            class: 0.2S
            method: pulse
            repeats: 2
            points:
              - { id: In, current: In, pf: "1" }
              - { id: L, current: 0.1 In, pf: 0.5 L }
            """;
        var results = await VirtualBenchRun.RunAsync(plan, meterError);
        foreach (var r in results)
        {
            Assert.Multiple(() =>
            {
                // One pulse = 0.1 Wh; the gate holds ≥ 10 000 pulses for 1/10 of the limit, so ±0.01 % covers the count.
                Assert.That(r.ErrorPercent, Is.EqualTo(meterError).Within(0.01), r.Id);
                // The gate is sized on the reference's energy; a meter reading low registers fewer pulses in it.
                Assert.That(r.Budget!.Single(b => b.Name.Contains("resolution", StringComparison.Ordinal)).StatedPercent, Is.LessThanOrEqualTo(0.1 * r.LimitPercent / (1 + (meterError / 100))));
                Assert.That(r.Verdict, Is.EqualTo(Math.Abs(meterError) <= r.LimitPercent ? Verdict.Pass : Verdict.Fail));
            });
        }
    }
}
