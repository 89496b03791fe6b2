using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Standards.Limits;

namespace Bench.Standards.Tests;

// Expected figures: shared/standards/pmd-61557-12.md §3 (classes), §4 (P table), §5 (forms and ranges), and
// energy-accuracy.md §4/§5 for the QA rows (IEC 62053-23/-24 with sin φ). In = 5 A, Imax = 10 A, Un = 230 V, fn = 50 Hz.
public class PmdFunctionLimitsTests
{
    private static PmdOperatingPoint At(double currentA = 5, string angle = "1", TrigFunction function = TrigFunction.Cos, double voltageV = 230, double frequencyHz = 50)
    {
        Assert.That(LoadAngle.TryParse(angle, function, out var a), Is.True);
        return new PmdOperatingPoint(currentA, 5, 10, voltageV, 230, frequencyHz, 50, a);
    }

    [TestCase(PmdFunction.Frequency, 0.02, 0.02, "% of reading")]
    [TestCase(PmdFunction.Voltage, 0.2, 0.2, "% of reading")]
    [TestCase(PmdFunction.Current, 0.5, 0.5, "% of reading")]
    [TestCase(PmdFunction.ApparentPower, 3, 3, "% of reading")]
    [TestCase(PmdFunction.PowerFactor, 0.5, 0.005, "absolute PF")]   // §5: cl 0.5 → ±0.005
    [TestCase(PmdFunction.PowerFactor, 2, 0.02, "absolute PF")]
    [TestCase(PmdFunction.VoltageUnbalance, 0.5, 0.5, "percentage points")]
    public void Simple_forms_scale_with_the_class(PmdFunction function, double functionClass, double limit, string unit)
    {
        var found = PmdFunctionLimits.Find(function, functionClass, At() with { UnbalancePercent = 2 }, "test");
        Assert.Multiple(() =>
        {
            Assert.That(found.Limit, Is.EqualTo(limit).Within(1e-12));
            Assert.That(found.Unit, Is.EqualTo(unit));
            Assert.That(found.Source.Unconfirmed, Is.True);
            Assert.That(found.Source.Standard, Is.EqualTo("IEC 61557-12"));
        });
    }

    [TestCase(0.05, "1", 0.2, 0.4)]       // 0.01 In ≤ I < 0.05 In, PF 1
    [TestCase(5.0, "1", 0.2, 0.2)]
    [TestCase(5.0, "0.5 L", 0.2, 0.3)]
    [TestCase(5.0, "0.25 L", 1, 3.5)]
    [TestCase(0.3, "0.8 C", 2, 2.5)]       // 0.05 In ≤ I < 0.1 In, PF 0.8 C, cl 2
    public void Active_power_follows_the_p_table(double currentA, string pf, double functionClass, double limit)
    {
        Assert.That(PmdFunctionLimits.Find(PmdFunction.ActivePower, functionClass, At(currentA, pf), "test").Limit, Is.EqualTo(limit));
    }

    [TestCase(5.0, "1 L", 1, 1.0)]
    [TestCase(0.05, "1 C", 1, 1.5)]        // 62053-24 cl 1, Imin ≤ I < Itr
    [TestCase(0.15, "1 L", 2, 2.5)]        // 62053-23 cl 2, 0.02 In ≤ I < 0.05 In
    [TestCase(5.0, "0.5 C", 3, 3.0)]
    [TestCase(5.0, "0.25 L", 3, 4.0)]
    public void Reactive_power_follows_the_qa_table_in_sin_phi(double currentA, string sin, double functionClass, double limit)
    {
        Assert.That(PmdFunctionLimits.Find(PmdFunction.ReactivePower, functionClass, At(currentA, sin, TrigFunction.Sin), "test").Limit, Is.EqualTo(limit));
    }

    [TestCase(PmdFunction.VoltageThd, 1, 11.18, 0.1118)]  // 1 % of 11.18 % THD
    [TestCase(PmdFunction.VoltageThd, 1, 2.0, 0.05)]      // floor 0.05·C points above 1 % of 2 %
    [TestCase(PmdFunction.CurrentThd, 5, 40, 2.0)]        // 5 % of 40 %
    [TestCase(PmdFunction.CurrentThd, 10, 0, 0.5)]        // a pure sine: the floor alone
    public void Thd_is_judged_in_points_with_a_floor(PmdFunction function, double functionClass, double thd, double limit)
    {
        var found = PmdFunctionLimits.Find(function, functionClass, At() with { ThdPercent = thd }, "test");
        Assert.That(found.Limit, Is.EqualTo(limit).Within(1e-9));
        Assert.That(found.Source.Clause, Does.Contain("floor assumed by Bench"));
    }

    [TestCase(PmdFunction.Voltage, 0.3)]
    [TestCase(PmdFunction.ActivePower, 0.1)]
    [TestCase(PmdFunction.ReactivePower, 0.5)]
    [TestCase(PmdFunction.PowerFactor, 0.2)]
    [TestCase(PmdFunction.VoltageThd, 3)]
    [TestCase(PmdFunction.Frequency, 1)]
    public void A_class_the_standard_does_not_allow_is_bad_input(PmdFunction function, double functionClass)
    {
        Assert.That(() => PmdFunctionLimits.CheckClass(function, functionClass, "plan.yaml:3:5"), Throws.TypeOf<BenchInputException>().With.Message.Contains("may only claim").And.Message.Contains("plan.yaml:3:5"));
    }

    [Test]
    public void Points_outside_the_rated_operating_range_have_no_limit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.Voltage, 0.1, At(voltageV: 0.5 * 230), "here"), Throws.TypeOf<BenchInputException>().With.Message.Contains("0.8 … 1.2 Un"));
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.Frequency, 0.02, At(frequencyHz: 40), "here"), Throws.TypeOf<BenchInputException>());
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.Current, 0.1, At(currentA: 0.1), "here"), Throws.TypeOf<BenchInputException>(), "0.02 In is below 0.05 In");
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.Current, 0.1, At(currentA: 12), "here"), Throws.TypeOf<BenchInputException>().With.Message.Contains("Imax"));
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.PowerFactor, 0.5, At(angle: "0.5 C"), "here"), Throws.TypeOf<BenchInputException>(), "PF range ends at 0.8 C");
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.VoltageThd, 1, At() with { ThdPercent = 25 }, "here"), Throws.TypeOf<BenchInputException>());
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.VoltageUnbalance, 0.2, At() with { UnbalancePercent = 6 }, "here"), Throws.TypeOf<BenchInputException>());
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.NeutralCurrent, 0.5, At(), "here"), Throws.TypeOf<BenchInputException>(), "a balanced load has no neutral current");
            Assert.That(() => PmdFunctionLimits.Find(PmdFunction.ReactivePower, 1, At(angle: "0.5 L"), "here"), Throws.TypeOf<BenchInputException>(), "QA's table is written in sin φ");
        });
    }

    [Test]
    public void Every_function_has_a_plan_key_a_symbol_and_only_unconfirmed_sources()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PmdFunctionLimits.Functions.Select(f => f.Function), Is.EquivalentTo(Enum.GetValues<PmdFunction>()));
            Assert.That(PmdFunctionLimits.Functions.Select(f => f.PlanKey), Is.Unique);
            Assert.That(PmdFunctionLimits.ByPlanKey("VOLTAGE-THD")!.Symbol, Is.EqualTo("THDu"));
            foreach (var spec in PmdFunctionLimits.Functions)
            {
                var sources = PmdFunctionLimits.Sources(spec.Function, spec.Classes[0]);
                Assert.That(sources, Is.Not.Empty, spec.Symbol);
                Assert.That(sources.Select(s => s.Unconfirmed), Has.All.True, spec.Symbol);
            }
        });
    }
}
