using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7 part 3: a magnitude point's budget holds the Type A spread and the reference's accuracy from its instrument
/// profile (bench-sim-reference.yaml: voltage 50 ppm of reading + 10 ppm of the 480 V range; current the same on 120 A),
/// and the result says what the budget includes.
/// </summary>
[NonParallelizable]
public class PowerQualityBudgetTests
{
    [Test]
    public async Task Voltage_and_current_budgets_include_the_reference_accuracy_and_say_so()
    {
        const string plan = """
            name: budget
            standard: IEC 61000-4-30
            class: A
            repeats: 2
            points:
              - { id: U, parameter: voltage, voltage: Un }
              - { id: I, parameter: current, current: In }
              - { id: F, parameter: frequency }
            """;
        var results = await VirtualBenchRun.RunAsync(plan, new SimulatedMeterOptions { UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None });
        var (u, i, f) = (results[0], results[1], results[2]);

        // Analytic: a = (50 + 10·480/230) ppm of 230 V, in % Udin at U = Udin; rectangular u = a/√3; U = 2u (ν_eff infinite).
        var voltageHalfWidth = (50 + (10 * 480.0 / 230)) / 1e4;
        // Current: (50 + 10·120/5) ppm = 290 ppm of 5 A, in % In at I = In.
        var currentHalfWidth = (50 + (10 * 120.0 / 5)) / 1e4;
        Assert.Multiple(() =>
        {
            Assert.That(u.Budget!.Select(b => b.Type), Is.EqualTo(new[] { "A", "B" }));
            Assert.That(u.Budget![1].StatedPercent, Is.EqualTo(voltageHalfWidth).Within(1e-6));
            Assert.That(u.UncertaintyPercent, Is.EqualTo(2 * voltageHalfWidth / Math.Sqrt(3)).Within(1e-6));
            Assert.That(u.Tur, Is.EqualTo(0.1 / (2 * voltageHalfWidth / Math.Sqrt(3))).Within(1e-3));
            Assert.That(u.Reason, Does.Contain("budget: Type A spread of 2 readings; reference voltage accuracy (50 ppm of reading + 10 ppm of the 480 range, rectangular)"));
            Assert.That(i.Budget![1].StatedPercent, Is.EqualTo(currentHalfWidth).Within(1e-6));
            Assert.That(i.Reason, Does.Contain("reference current accuracy"));
            // The profile states no frequency accuracy: left out, and said so.
            Assert.That(f.Budget!.Select(b => b.Type), Is.EqualTo(new[] { "A" }));
            Assert.That(f.Reason, Does.Contain("frequency accuracy is not stated in its profile"));
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Pass));
        });
    }
}
