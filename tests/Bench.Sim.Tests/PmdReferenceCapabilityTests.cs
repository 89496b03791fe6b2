using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Instruments.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// EapA and THD against the reference's optional capabilities on the virtual bench: EapA by VAh gates when the
/// reference integrates apparent energy (INCOMPLETE with the reason when it or the meter's map cannot), THD against
/// the reference's measured THD when it offers one (the programmed content otherwise, stated), with the reference's
/// THD accuracy in the budget only when its profile states one.
/// </summary>
[NonParallelizable]
public class PmdReferenceCapabilityTests
{
    // EapA class 0.5: ±0.5 % of reading (pmd-61557-12.md §3, unconfirmed), at In, PF 0.5 L.
    private const string EapPlan = """
        name: EapA
        standard: IEC 61557-12
        class: "0.5"
        quantity: pmd-functions
        functions: { apparent-energy: 0.5 }
        repeats: 2
        settle-s: 1
        points:
          - { id: EAP, function: apparent-energy, current: In, pf: 0.5 L }
        """;

    private const string ThdPlan = """
        name: THDu
        standard: IEC 61557-12
        class: "0.2"
        quantity: pmd-functions
        functions: { voltage-thd: 5 }
        repeats: 2
        settle-s: 1
        points:
          - { id: THDU, function: voltage-thd, voltage-harmonics: "h5 10 %, h7 5 %" }
        """;

    // THD class 5 at √(10² + 5²) = 11.1803 %: ±5 % of reading = ±0.559017 percentage points.
    private const double ThdLimit = 0.559017;

    // The register counts whole VAh and the gate is sized so that one step is 10 % of the limit (0.05 %): the measured
    // error is the set error within one step, so the cases sit 0.1 % either side of the limit.
    [TestCase(0.4, Verdict.Pass)]
    [TestCase(0.6, Verdict.Fail)]
    [TestCase(-0.6, Verdict.Fail)]
    public async Task EapA_is_judged_on_the_apparent_energy_register(double meterErrorPercent, Verdict expected)
    {
        var r = (await VirtualBenchRun.RunAsync(EapPlan, meterErrorPercent)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(expected), r.Reason);
            Assert.That(r.ErrorPercent, Is.EqualTo(meterErrorPercent).Within(0.05), r.Reason);
            Assert.That(r.ValueUnit, Is.EqualTo("VAh"));
            Assert.That(r.Reason, Does.Contain("apparent_delivered").And.Contain("arithmetic"));
            Assert.That(r.UncertaintyPercent, Is.Not.Null, "the reference's energy figure and certificate are in the budget");
        });
    }

    [Test]
    public async Task EapA_without_a_vah_reference_is_incomplete()
    {
        var r = (await VirtualBenchRun.RunAsync(EapPlan, 0, PmdReferenceProfiles.Without(vah: true, thd: false))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(r.Reason, Does.Contain("names no VAH energy field"));
            Assert.That(r.ErrorPercent, Is.Null);
        });
    }

    [Test]
    public async Task EapA_on_a_meter_map_without_the_register_is_incomplete()
    {
        var yaml = string.Join('\n', File.ReadAllLines(ShippedFiles.Find("fixtures/dut", "pm8000.yaml")).Where(l => !l.Contains("apparent_delivered", StringComparison.Ordinal)));
        var profile = DutProfile.Parse(yaml, "pm8000-without-vah.yaml");
        var r = (await VirtualBenchRun.RunAsync(EapPlan, new SimulatedMeterOptions { Profile = profile, UseProfileErrorCurve = false, InstantaneousErrors = InstantaneousErrors.None })).Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(r.Reason, Does.StartWith("EapA: the meter's profile maps no apparent_delivered energy register"));
        });
    }

    [TestCase(0.9, Verdict.Pass)]
    [TestCase(1.1, Verdict.Fail)]
    [TestCase(-1.1, Verdict.Fail)]
    public async Task THD_is_judged_against_the_reference_s_measured_thd(double fractionOfLimit, Verdict expected)
    {
        var r = (await VirtualBenchRun.RunAsync(ThdPlan, Meter(fractionOfLimit * ThdLimit))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(expected), r.Reason);
            Assert.That(r.ErrorPercent, Is.EqualTo(fractionOfLimit * ThdLimit).Within(0.01 * ThdLimit));
            Assert.That(r.ReferenceValue, Is.EqualTo(Math.Sqrt(125)).Within(0.01), "measured: √(10² + 5²) %");
            Assert.That(r.Reason, Does.Contain("reference: measured by SIM-REFERENCE-3P, THD-F of harmonic subgroups h2-h50"));
            Assert.That(r.Budget!.Select(c => c.Name), Has.None.StartWith("Reference"), "the simulator's profile states no THD accuracy: no reference term in the budget");
        });
    }

    [TestCase(0.9, Verdict.Pass)]
    [TestCase(1.1, Verdict.Fail)]
    public async Task Without_a_thd_reference_the_programmed_content_is_the_reference(double fractionOfLimit, Verdict expected)
    {
        var r = (await VirtualBenchRun.RunAsync(ThdPlan, Meter(fractionOfLimit * ThdLimit), PmdReferenceProfiles.Without(vah: false, thd: true))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(expected), r.Reason);
            Assert.That(r.ReferenceValue, Is.EqualTo(Math.Sqrt(125)).Within(1e-9), "programmed: √(10² + 5²) % exactly");
            Assert.That(r.Reason, Does.Contain("the harmonic content the source is set to (the reference standard measures no THD)"));
        });
    }

    [Test]
    public async Task A_stated_thd_accuracy_enters_the_budget()
    {
        var path = InstrumentProfile.FindShipped("bench-sim-reference.yaml");
        var yaml = File.ReadAllText(path).Replace("  method: \"THD-F", "  accuracy: {percentage_points: 0.05, coverage_k: 2}\n  method: \"THD-F", StringComparison.Ordinal);
        var profile = InstrumentProfile.Parse(yaml, path);
        var r = (await VirtualBenchRun.RunAsync(ThdPlan, Meter(0.5 * ThdLimit), profile)).Single();
        var component = r.Budget!.Single(c => c.Name.StartsWith("Reference THD accuracy", StringComparison.Ordinal));

        // 0.05 percentage points at k = 2: standard uncertainty 0.025 points; the simulator's spread is zero, so U = 2·0.025.
        Assert.Multiple(() =>
        {
            Assert.That(profile.Thd!.AccuracyPercentPoints, Is.EqualTo(0.05));
            Assert.That(component.StandardUncertaintyPercent, Is.EqualTo(0.025).Within(1e-9));
            Assert.That(r.UncertaintyPercent, Is.EqualTo(0.05).Within(1e-3));
            Assert.That(r.Verdict, Is.EqualTo(Verdict.Pass));
        });
    }

    private static SimulatedMeterOptions Meter(double thdPoints) =>
        new() { UseProfileErrorCurve = false, InstantaneousErrors = new() { VoltageThdPoints = thdPoints } };
}
