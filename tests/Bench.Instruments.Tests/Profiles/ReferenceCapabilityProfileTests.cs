using Bench.Core.Errors;
using Bench.Instruments.Profiles;

namespace Bench.Instruments.Tests.Profiles;

/// <summary>The optional reference capabilities in a profile: energy field VAH with its definition, and the 'thd' section.</summary>
public class ReferenceCapabilityProfileTests
{
    [Test]
    public void The_shipped_simulator_profile_declares_vah_and_thd_without_a_thd_accuracy()
    {
        var p = InstrumentProfile.LoadShipped("bench-sim-reference.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(p.Energy!.HasApparentEnergy, Is.True);
            Assert.That(p.Energy.ApparentDefinition, Does.StartWith("arithmetic"));
            Assert.That(p.Thd!.Fields, Is.EqualTo(new[] { "THDU1", "THDU2", "THDU3", "THDI1", "THDI2", "THDI3" }));
            Assert.That(p.Thd.AccuracyPercentPoints, Is.Null);
        });
    }

    [TestCase("fluke-6105a.yaml")]
    [TestCase("fluke-6100b.yaml")]
    [TestCase("yokogawa-wt5000.yaml")]
    [TestCase("yokogawa-wt1800.yaml")]
    public void Real_references_claim_neither_until_their_manual_is_checked(string file)
    {
        var p = InstrumentProfile.LoadShipped(file);
        Assert.That((p.Energy!.HasApparentEnergy, p.Thd), Is.EqualTo((false, (ThdSpec?)null)));
    }

    [Test]
    public void A_thd_section_reads_its_fields_method_and_accuracy()
    {
        var p = InstrumentProfile.Parse(Reference("""
            thd:
              query: "THD?"
              fields: [THDU1, "-", THDI1]
              method: "THD-F h2-h50"
              accuracy: {percentage_points: 0.05, coverage_k: 2}
            """), "p.yaml");
        Assert.That((p.Thd!.Query.Text, p.Thd.Method, p.Thd.AccuracyPercentPoints, p.Thd.AccuracyCoverageFactor), Is.EqualTo(("THD?", "THD-F h2-h50", (double?)0.05, 2.0)));
    }

    [TestCase("thd:\n  query: \"THD?\"\n  fields: [THDU1]\n", "'method'")]
    [TestCase("thd:\n  query: \"THD?\"\n  fields: [THDX1]\n  method: m\n", "unknown field 'THDX1'")]
    [TestCase("thd:\n  query: \"THD?\"\n  fields: [\"-\"]\n  method: m\n", "at least one of THDU1")]
    [TestCase("thd:\n  query: \"THD?\"\n  fields: [THDU1]\n  method: m\n  accuracy: {coverage_k: 2}\n", "'percentage_points'")]
    public void Thd_section_errors_name_the_place(string section, string reason)
    {
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(Reference(section), "p.yaml"));
        Assert.That(ex!.Message, Does.StartWith("p.yaml:").And.Contain(reason));
    }

    [Test]
    public void A_vah_field_needs_its_definition()
    {
        var yaml = Reference("").Replace("fields: [WH, TIME]", "fields: [WH, TIME, VAH]", StringComparison.Ordinal);
        var ex = Assert.Throws<BenchInputException>(() => InstrumentProfile.Parse(yaml, "p.yaml"));
        Assert.That(ex!.Message, Does.Contain("apparent_definition"));
    }

    private static string Reference(string extra) => """
        schema: bench-instrument-profile/1
        name: r
        manufacturer: M
        model: R
        roles: [reference]
        checked_against_manual: false
        identity: {idn: '^M,R,'}
        measure: {query: "MEAS?", fields: [U1, I1, P1, Q1]}
        energy: {start: ["E:STAR"], stop: ["E:STOP"], query: "E?", fields: [WH, TIME]}

        """ + extra;
}
