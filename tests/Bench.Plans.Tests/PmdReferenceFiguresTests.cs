using Bench.Instruments.Profiles;
using Bench.Plans.Execution;
using Bench.Plans.Execution.Tests;

namespace Bench.Plans.Tests;

/// <summary>The reference's THD accuracy reaches the budget figures only when its profile states one.</summary>
public class PmdReferenceFiguresTests
{
    private const string Reference = """
        schema: bench-instrument-profile/1
        name: r
        manufacturer: M
        model: R
        roles: [reference]
        checked_against_manual: false
        identity: {idn: '^M,R,'}
        measure: {query: "MEAS?", fields: [U1, I1, P1, Q1]}
        energy: {start: ["E:STAR"], stop: ["E:STOP"], query: "E?", fields: [WH, TIME]}
        thd: {query: "THD?", fields: [THDU1, THDI1], method: "THD-F h2-h50"}

        """;

    [Test]
    public void A_stated_thd_accuracy_becomes_a_budget_component()
    {
        var stated = InstrumentProfile.Parse(Reference.Replace("method: \"THD-F h2-h50\"}", "method: \"THD-F h2-h50\", accuracy: {percentage_points: 0.1, coverage_k: 2}}", StringComparison.Ordinal), "r.yaml");
        var figures = BenchUncertaintyFigures.For(stated, calibrationPercent: null);
        var components = PmdReference.ThdComponents(figures);

        // 0.1 percentage points at k = 2 → 0.05 points standard uncertainty (GUM 4.3.3).
        Assert.Multiple(() =>
        {
            Assert.That(figures.ReferenceThdPercentPoints, Is.EqualTo(0.1));
            Assert.That(components, Has.Count.EqualTo(1));
            Assert.That(components[0].StandardUncertaintyPercent, Is.EqualTo(0.05).Within(1e-12));
        });
    }

    [Test]
    public void No_stated_thd_accuracy_leaves_the_budget_without_one()
    {
        var figures = BenchUncertaintyFigures.For(InstrumentProfile.Parse(Reference, "r.yaml"), calibrationPercent: 0.005);
        Assert.That((figures.ReferenceThdPercentPoints, PmdReference.ThdComponents(figures).Count), Is.EqualTo(((double?)null, 0)));
    }
}
