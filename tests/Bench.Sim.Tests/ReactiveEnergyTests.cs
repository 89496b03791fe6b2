using Bench.Core.Results;

namespace Bench.Sim.Tests;

/// <summary>
/// IEC 62053-24 reactive energy on the virtual bench, in both quadrants: inductive points compare the meter's
/// reactive-delivered register with the reference's positive q, capacitive points its reactive-received register with
/// the reference's negative q (quadrant IV).
/// </summary>
[NonParallelizable]
public class ReactiveEnergyTests
{
    [TestCase(0.0)]
    [TestCase(0.4)]
    public async Task Both_quadrants_measure_the_meters_reactive_error(double meterError)
    {
        const string plan = """
            name: reactive
            standard: IEC 62053-24
            class: 0.5S
            quantity: reactive-energy
            resolution-fraction: 0.02
            points:
              - { id: L, current: In, sin: 1 L }
              - { id: C, current: In, sin: 1 C }
              - { id: C05, current: 0.1 In, sin: 0.5 C }
            """;
        var results = await VirtualBenchRun.RunAsync(plan, meterError);
        Assert.Multiple(() =>
        {
            foreach (var r in results)
            {
                // The simulated meter scales Q by (1 + e/100) like P; register steps of 1 varh stay ≤ 1/50 of the limit.
                Assert.That(r.Verdict, Is.Not.EqualTo(Verdict.Incomplete), r.Reason);
                Assert.That(r.ErrorPercent, Is.EqualTo(meterError).Within(0.015), r.Id);
                Assert.That(r.ReferenceWh, Is.GreaterThan(0), r.Id);
            }
        });
    }
}
