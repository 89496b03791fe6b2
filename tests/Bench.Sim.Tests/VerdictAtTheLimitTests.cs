using Bench.Core.Results;
using Bench.Instruments.Profiles;
using Bench.Standards.Uncertainty;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7's correctness cases on the virtual bench: a simulated meter whose error sits just inside, on and just
/// outside a limit (IEC 62053-22 0.2S: ±0.2 % at In PF 1, ±0.3 % at In PF 0.5 L, ±0.4 % at 1 % In), under simple,
/// guarded and non-binary rules (ILAC-G8 zones, shared/standards/decision-rules.md §1), and a reference standard too
/// coarse for the class flagged by its TUR. A resolution fraction of 1/200 keeps the register step at 0.001 % of 0.2 %.
/// </summary>
[NonParallelizable]
public class VerdictAtTheLimitTests
{
    private static string Plan(string rule, string current, string pf) => $$"""
        name: limit case
        standard: IEC 62053-22
        class: 0.2S
        decision-rule: {{rule}}
        resolution-fraction: 0.005
        repeats: 2
        points:
          - { id: P, current: {{current}}, pf: "{{pf}}" }
        """;

    [TestCase("In", "1", 0.2)]
    [TestCase("In", "0.5 L", 0.3)]
    [TestCase("0.01 In", "1", 0.4)]
    public async Task Simple_acceptance_just_inside_and_just_outside(string current, string pf, double limit)
    {
        var inside = (await VirtualBenchRun.RunAsync(Plan("simple", current, pf), limit - 0.01)).Single();
        var outside = (await VirtualBenchRun.RunAsync(Plan("simple", current, pf), limit + 0.01)).Single();
        var negative = (await VirtualBenchRun.RunAsync(Plan("simple", current, pf), -(limit + 0.01))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(inside.LimitPercent, Is.EqualTo(limit));
            Assert.That(inside.ErrorPercent, Is.EqualTo(limit - 0.01).Within(0.003), "the bench measures the meter's set error");
            Assert.That(inside.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(outside.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(negative.Verdict, Is.EqualTo(Verdict.Fail));
        });
    }

    [Test]
    public async Task On_the_limit_the_non_binary_rule_gives_a_conditional_verdict_on_the_right_side()
    {
        var on = (await VirtualBenchRun.RunAsync(Plan("non-binary", "In", "1"), 0.2)).Single();
        var expected = Math.Abs(on.ErrorPercent!.Value) <= 0.2 ? Verdict.ConditionalPass : Verdict.ConditionalFail;
        Assert.Multiple(() =>
        {
            Assert.That(on.ErrorPercent, Is.EqualTo(0.2).Within(0.003));
            Assert.That(on.UncertaintyPercent, Is.GreaterThan(0.003), "U is wider than the distance to the limit");
            Assert.That(on.Verdict, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Guard_band_turns_a_pass_near_the_limit_into_a_fail()
    {
        // Find U at this point first, then place the meter inside the guard band (TL − U/2) and below it (TL − 2U).
        var probe = (await VirtualBenchRun.RunAsync(Plan("guarded", "In", "1"), 0)).Single();
        var u = probe.UncertaintyPercent!.Value;
        var inBand = (await VirtualBenchRun.RunAsync(Plan("guarded", "In", "1"), 0.2 - (u / 2))).Single();
        var inBandSimple = (await VirtualBenchRun.RunAsync(Plan("simple", "In", "1"), 0.2 - (u / 2))).Single();
        var below = (await VirtualBenchRun.RunAsync(Plan("guarded", "In", "1"), 0.2 - (2 * u))).Single();
        var conditional = (await VirtualBenchRun.RunAsync(Plan("non-binary", "In", "1"), 0.2 + (u / 2))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(u, Is.InRange(0.005, 0.05), "sim reference 0.01 % (k = 2) and calibration 0.005 %: U ≈ 0.011 %");
            Assert.That(inBand.Verdict, Is.EqualTo(Verdict.Fail), $"e = {inBand.ErrorPercent}, AL = {0.2 - u}");
            Assert.That(inBandSimple.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(below.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(conditional.Verdict, Is.EqualTo(Verdict.ConditionalFail));
        });
    }

    [Test]
    public async Task A_reference_too_coarse_for_the_class_is_flagged_by_its_tur()
    {
        // A 0.1 % (rectangular) reference against 0.2 %: U ≈ 2·0.1/√3 ≈ 0.115 % → TUR ≈ 1.7, below 4:1.
        var yaml = await File.ReadAllTextAsync(InstrumentProfile.FindShipped("bench-sim-reference.yaml"));
        var coarse = InstrumentProfile.Parse(
            yaml.Replace("pf1: {ppm_of_reading: 100, ppm_of_range: 0}", "pf1: {ppm_of_reading: 1000, ppm_of_range: 0}", StringComparison.Ordinal)
                .Replace("coverage_k: 2", "coverage_k: 1.7320508075688772", StringComparison.Ordinal),
            "coarse-reference.yaml");
        var fine = (await VirtualBenchRun.RunAsync(Plan("simple", "In", "1"), 0)).Single();
        var coarseResult = (await VirtualBenchRun.RunAsync(Plan("simple", "In", "1"), 0, coarse)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(fine.Tur, Is.GreaterThanOrEqualTo(UncertaintyBudget.MinimumTur));
            Assert.That(coarseResult.Tur, Is.LessThan(UncertaintyBudget.MinimumTur));
            Assert.That(coarseResult.Tur, Is.EqualTo(1.7).Within(0.1));
        });
    }
}
