using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// PMD functions under the guarded and non-binary rules of ILAC-G8 (decision-rules.md §1): a meter inside the limit
/// but within the guard band w = U fails a guarded acceptance and gets a conditional verdict under the non-binary rule;
/// a function whose reference states no uncertainty (THD: the simulated reference measures it but its profile states
/// no THD accuracy) cannot be judged with a guard band; a function the meter's profile does not map is INCOMPLETE, never PASS.
/// </summary>
[NonParallelizable]
public class PmdGuardBandTests
{
    private static PmdFunctionVerdictTests.Case Find(string function) => PmdFunctionVerdictTests.Cases.First(c => c.Function == function);

    [TestCase("voltage")]
    [TestCase("active-power")]
    [TestCase("power-factor")]
    public async Task Guard_band_and_conditional_verdicts_follow_the_decision_rule(string function)
    {
        var c = Find(function);
        async Task<PointResult> Run(string rule, double error) =>
            (await VirtualBenchRun.RunAsync(PmdFunctionVerdictTests.Plan(c, rule), PmdFunctionVerdictTests.Meter(c.Meter(error)))).Single();

        // U of the sim reference here: its voltage range spec (50 ppm + 10 ppm of 480 V, rectangular) for U; its power
        // spec (150 ppm at PF 0.5, k = 2) and the 0.005 % certificate for P; P, U and I combined for PF.
        var u = (await Run("guarded", 0)).UncertaintyPercent!.Value;
        var inBand = await Run("guarded", c.Limit - (u / 2));
        var inBandSimple = await Run("simple", c.Limit - (u / 2));
        var below = await Run("guarded", c.Limit - (2 * u));
        var conditionalPass = await Run("non-binary", c.Limit - (u / 2));
        var conditionalFail = await Run("non-binary", c.Limit + (u / 2));
        var fail = await Run("non-binary", c.Limit + (2 * u));
        Assert.Multiple(() =>
        {
            Assert.That(u, Is.GreaterThan(0).And.LessThan(c.Limit / 4), "U is stated and small against the limit");
            Assert.That(inBand.Verdict, Is.EqualTo(Verdict.Fail), $"e = {inBand.ErrorPercent}, acceptance limit {c.Limit - u}");
            Assert.That(inBandSimple.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(below.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(conditionalPass.Verdict, Is.EqualTo(Verdict.ConditionalPass));
            Assert.That(conditionalFail.Verdict, Is.EqualTo(Verdict.ConditionalFail));
            Assert.That(fail.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(inBand.Tur, Is.EqualTo(c.Limit / u).Within(1e-6 * c.Limit / u));
            Assert.That(inBand.Budget, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Without_a_stated_reference_uncertainty_a_guarded_rule_cannot_decide()
    {
        var c = Find("current-thd");
        var result = (await VirtualBenchRun.RunAsync(PmdFunctionVerdictTests.Plan(c, "guarded"), PmdFunctionVerdictTests.Meter(c.Meter(0.1)))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.UncertaintyPercent, Is.Null);
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(result.Reason, Does.Contain("reference: measured by SIM-REFERENCE-3P"));
            Assert.That(result.Reason, Does.Contain("guard band of the decision rule is unknown"));
        });
    }

    [Test]
    public async Task A_function_the_profile_does_not_map_is_incomplete()
    {
        // The shipped PM8000 profile without its THD and unbalance registers.
        var yaml = string.Join('\n', File.ReadAllLines(ShippedFiles.Find("fixtures/dut", "pm8000.yaml"))
            .Where(l => !l.TrimStart().StartsWith("thd_", StringComparison.Ordinal) && !l.TrimStart().StartsWith("voltage_unbalance_ln", StringComparison.Ordinal)));
        var profile = DutProfile.Parse(yaml, "pm8000-without-thd.yaml");
        var plan = """
            name: unmapped
            standard: IEC 61557-12
            class: "0.2"
            quantity: pmd-functions
            functions: { voltage-thd: 1, voltage-unbalance: 0.2, current: 0.1, apparent-energy: 0.5 }
            points:
              - { id: THDU, function: voltage-thd, voltage-harmonics: "h5 5 %" }
              - { id: UNB, function: voltage-unbalance, voltage-unbalance: 1 }
              - { id: I, function: current }
              - { id: EAP, function: apparent-energy }
            """;
        var results = await VirtualBenchRun.RunAsync(plan, new SimulatedMeterOptions { Profile = profile, InstantaneousErrors = InstantaneousErrors.None });
        Assert.Multiple(() =>
        {
            Assert.That(results[0].Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(results[0].Reason, Does.Contain("maps no thd_voltage_an, thd_voltage_bn, thd_voltage_cn"));
            Assert.That(results[0].ErrorPercent, Is.Null);
            Assert.That(results[1].Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(results[1].Reason, Does.Contain("voltage_unbalance_ln"));
            Assert.That(results[2].Verdict, Is.EqualTo(Verdict.Pass), "a mapped function on the same meter is still judged");
            Assert.That(results[3].Verdict, Is.EqualTo(Verdict.Pass), "the PM8000 maps apparent energy and the simulated reference integrates VAh");
            Assert.That(results[3].Reason, Does.Contain("apparent_delivered"));
        });
    }
}
