using Bench.Standards.Uncertainty;

namespace Bench.Standards.Tests;

public class UncertaintyBudgetTests
{
    [Test]
    public void Reproduces_the_example_budget_of_decision_rules_section_4()
    {
        // shared/standards/decision-rules.md §4, "Example budget at In, PF 1": u_c 0.013 %, U(k = 2) ≈ 0.026 %, TUR ≈ 7.8.
        var budget = new UncertaintyBudget(
        [
            UncertaintyComponent.FromCertificate("reference (cert. U = 0.02 %, k = 2)", 0.02, 2),
            UncertaintyComponent.Rectangular("reference drift ±0.01 %", 0.01),
            UncertaintyComponent.Rectangular("pulse resolution 1 in 20 000", 100.0 / 20000),
            UncertaintyComponent.Rectangular("source stability ±0.005 %", 0.005),
            new UncertaintyComponent("repeatability s = 0.008 %, n = 5", Distribution.Observed, 0.008, 0.008 / Math.Sqrt(5)) { DegreesOfFreedom = 4 },
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(budget.Components[0].StandardUncertaintyPercent, Is.EqualTo(0.010).Within(1e-12));
            Assert.That(budget.Components[1].StandardUncertaintyPercent, Is.EqualTo(0.006).Within(0.0003));
            Assert.That(budget.CombinedPercent, Is.EqualTo(0.013).Within(0.0005));
            Assert.That(budget.CoverageFactor, Is.EqualTo(2), "ν_eff is in the hundreds");
            Assert.That(budget.ExpandedPercent, Is.EqualTo(0.026).Within(0.001));
            Assert.That(budget.Tur(0.2), Is.EqualTo(7.8).Within(0.3));
        });
    }

    // GUM (JCGM 100:2008) Table G.2, t_p(ν) for p = 95.45 %.
    [TestCase(1, 13.97)]
    [TestCase(2, 4.53)]
    [TestCase(4, 2.87)]
    [TestCase(10, 2.28)]
    [TestCase(20, 2.13)]
    public void Coverage_factor_follows_student_t_for_few_degrees_of_freedom(double nu, double expected) =>
        Assert.That(UncertaintyBudget.CoverageFactorFor(nu), Is.EqualTo(expected).Within(0.01));

    [Test]
    public void Type_A_alone_uses_welch_satterthwaite_and_t()
    {
        // Three repeats 0.10, 0.12, 0.14 %: s = 0.02 %, u = s/√3, ν = 2 → k = t(95.45 %, 2) = 4.53 (GUM Table G.2).
        var budget = EnergyErrorBudget.Build(new EnergyErrorBudgetInputs { RepeatedErrorsPercent = [0.10, 0.12, 0.14] });
        Assert.Multiple(() =>
        {
            Assert.That(budget.Components.Single().StatedPercent, Is.EqualTo(0.02).Within(1e-12));
            Assert.That(budget.EffectiveDegreesOfFreedom, Is.EqualTo(2).Within(1e-9));
            Assert.That(budget.ExpandedPercent, Is.EqualTo(4.53 * 0.02 / Math.Sqrt(3)).Within(0.0005));
        });
    }

    [Test]
    public void Energy_budget_lists_what_was_given_and_resolution_from_the_register()
    {
        // 1 Wh step over 5 000 Wh: a = 0.02 %, u = 0.02/√3 %.
        var budget = EnergyErrorBudget.Build(new EnergyErrorBudgetInputs
        {
            ReferenceSpecificationPercent = 0.01,
            SourceStabilityPercent = null,
            MeterResolutionWh = 1,
            MeterEnergyWh = 5000,
        });
        Assert.Multiple(() =>
        {
            Assert.That(budget.Components, Has.Count.EqualTo(2));
            Assert.That(budget.Components[1].StandardUncertaintyPercent, Is.EqualTo(0.02 / Math.Sqrt(3)).Within(1e-12));
            Assert.That(budget.CombinedPercent, Is.EqualTo(Math.Sqrt((0.0001 / 3) + (0.0004 / 3))).Within(1e-12));
        });
    }

    [Test]
    public void A_coarse_reference_is_flagged_by_its_tur()
    {
        // A 0.1 % class reference against a 0.2 % limit: U = 2·0.1/√3 ≈ 0.115 % → TUR ≈ 1.7 < 4.
        var budget = EnergyErrorBudget.Build(new EnergyErrorBudgetInputs { ReferenceSpecificationPercent = 0.1 });
        Assert.That(budget.Tur(0.2), Is.LessThan(UncertaintyBudget.MinimumTur));
        Assert.That(budget.Tur(0.2), Is.EqualTo(0.2 / (2 * 0.1 / Math.Sqrt(3))).Within(1e-9));
    }
}
