using Bench.Core.Errors;
using Bench.Core.Results;
using Bench.Plans.Execution;
using Bench.Plans.Loading;
using Bench.Plans.Model;
using Bench.Standards.Limits;

namespace Bench.Plans.Tests;

/// <summary>
/// IEC 61557-12 plans: the <c>functions:</c> map checked against the classes the standard allows (pmd-61557-12.md §3),
/// points resolved into source settings and limits, bad input named at file:line:col, and the runner's fallbacks on a
/// meter that is not read register by register.
/// </summary>
public class PmdFunctionPlanTests
{
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");

    private static string Header(string functions) => $"name: pmd\nstandard: IEC 61557-12\nclass: \"0.2\"\nquantity: pmd-functions\nfunctions: {{ {functions} }}\n";

    private static TestPlan Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("bench-pmd-").FullName;
        try
        {
            var path = Path.Combine(dir, "plan.yaml");
            File.WriteAllText(path, yaml);
            return PlanLoader.Load(path);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void The_shipped_plan_names_every_function_and_resolves_against_a_pm8000()
    {
        var plan = PlanLoader.Load(Repository.File("testplans", "iec61557-12-pmd-functions.yaml"));
        var points = PointResolver.Resolve(plan, Pm8000);
        Assert.Multiple(() =>
        {
            // Every function, EapA included (judged when the reference integrates VAh).
            var judged = Enum.GetValues<PmdFunction>();
            Assert.That(plan.FunctionClasses.Keys, Is.EquivalentTo(judged));
            Assert.That(points.Select(p => p.Plan.Pmd!.Function).Distinct(), Is.EquivalentTo(judged));
            Assert.That(points.Select(p => p.LimitSource.Unconfirmed), Has.All.True);
            Assert.That(points.Single(p => p.Plan.Id == "P-001").LimitPercent, Is.EqualTo(0.4), "§4: 0.01 In ≤ I < 0.02 In, class 0.2");
            Assert.That(points.Single(p => p.Plan.Id == "PF-L05-100").LimitUnit, Is.EqualTo("absolute PF"));
            Assert.That(points.Single(p => p.Plan.Id == "Q-C05-100").Description.PowerFactor, Is.EqualTo("sin φ 0.5 C"));
            Assert.That(points.Single(p => p.Plan.Id == "Q-C05-100").Setpoint.Phases[0].CurrentAngleDeg, Is.EqualTo(30).Within(1e-9), "sin φ 0.5 C: the current leads by 30°");
        });
    }

    [Test]
    public void Unbalance_harmonics_and_single_phase_loads_become_the_source_setting()
    {
        var plan = Load(Header("voltage-unbalance: 0.2, voltage-thd: 5, neutral-current: 0.5") + """
            points:
              - { id: UNB, function: voltage-unbalance, voltage-unbalance: 2 }
              - { id: THD, function: voltage-thd, voltage-harmonics: "h5 10 %, h7 5 %" }
              - { id: IN, function: neutral-current, current: In, load: L2 }
            """);
        var points = PointResolver.Resolve(plan, Pm8000);
        var unbalanced = points[0].Setpoint.Phases;
        var distorted = points[1].Setpoint.Phases;
        Assert.Multiple(() =>
        {
            // L1 = U(1 + 2u), L2 = L3 = U(1 − u), 2u = 2 %: the mean stays 230 V, L1 deviates from it by 2 %.
            Assert.That(unbalanced.Select(p => p.VoltageV), Is.EqualTo(new[] { 234.6, 227.7, 227.7 }).Within(1e-9));
            Assert.That(points[0].LimitPercent, Is.EqualTo(0.2));
            Assert.That(distorted[1].VoltageHarmonics.Select(h => (h.Order, h.PercentOfFundamental, h.AngleDeg)), Is.EqualTo(new[] { (5.0, 10.0, -600.0), (7.0, 5.0, -840.0) }));
            Assert.That(points[1].LimitPercent, Is.EqualTo(0.05 * Math.Sqrt(125)).Within(1e-12), "5 % of √(10² + 5²) % THD");
            Assert.That(points[2].Setpoint.Phases.Select(p => p.CurrentA), Is.EqualTo(new[] { 0.0, 5.0, 0.0 }));
            Assert.That(PmdFunctionPoints.NeutralCurrentA(points[2].Setpoint), Is.EqualTo(5).Within(1e-12));
        });
    }

    [TestCase("voltage: 0.3", "points:\n  - { id: U, function: voltage }", "may only claim", 5)]
    [TestCase("power-factor: 0.5", "points:\n  - { id: U, function: voltage }", "gives no class for voltage", 7)]
    [TestCase("voltage: 0.1", "points:\n  - { id: X, function: flicker }", "function is frequency, voltage", 7)]
    [TestCase("reactive-power: 1", "points:\n  - { id: Q, function: reactive-power, pf: 0.5 L }", "give the load angle as 'sin'", 7)]
    [TestCase("current-thd: 1", "points:\n  - { id: T, function: current-thd, current-harmonics: \"5 40 %\" }", "'h<order", 7)]
    [TestCase("thd: 1", "points:\n  - { id: T, function: current-thd }", "'thd'", 5)]
    public void Bad_input_is_named_at_its_line(string functions, string points, string message, int line)
    {
        Assert.That(() => Load(Header(functions) + points), Throws.TypeOf<BenchInputException>().With.Message.Contains(message).And.Message.Contains($"plan.yaml:{line}:"));
    }

    [Test]
    public void The_marking_class_is_one_p_may_claim()
    {
        // pmd-61557-12.md §2/§3: the marking carries the class of P / Ea, 0.2 / 0.5 / 1 / 2.
        var yaml = Header("voltage: 0.1").Replace("class: \"0.2\"", "class: \"0.1\"", StringComparison.Ordinal) + "points:\n  - { id: U, function: voltage }\n";
        Assert.That(() => Load(yaml), Throws.TypeOf<BenchInputException>().With.Message.Contains("function P claims class 0.1").And.Message.Contains("plan.yaml:3:"));
    }

    [Test]
    public void A_point_outside_the_rated_range_stops_the_run_before_anything_is_energized()
    {
        var plan = Load(Header("neutral-current: 0.5") + "points:\n  - { id: IN, function: neutral-current, current: In }\n");
        Assert.That(() => PointResolver.Resolve(plan, Pm8000), Throws.TypeOf<BenchInputException>().With.Message.Contains("IN").And.Message.Contains("outside"));
    }

    [Test]
    [SetCulture("de-DE")]
    public async Task Reasons_are_written_with_a_decimal_point_under_a_comma_culture()
    {
        var plan = Load(Header("voltage: 0.1, active-power: 0.2") + "points:\n  - { id: U, function: voltage }\n  - { id: P, function: active-power }\n");
        var bench = new FakeBench { InstantaneousBias = (0.25, 0) };
        var results = (await new PlanExecutor(new BenchConnections(bench, bench, bench, bench)).RunAsync(plan, PointResolver.Resolve(plan, Pm8000), null, null, null, CancellationToken.None)).Points;
        Assert.Multiple(() =>
        {
            Assert.That(results[0].Reason, Does.Contain("meter 230.25 V, reference 230 V"));
            // FakeBench's meter shows P = 0 against 1150 W per phase: a -100 % error, written with '.' too.
            Assert.That(results[1].Reason, Does.Contain("meter 0 W, reference 3450 W"));
            Assert.That(results[1].Verdict, Is.EqualTo(Verdict.Fail));
        });
    }

    [Test]
    public async Task A_meter_read_only_by_snapshot_gives_powers_but_not_thd()
    {
        // FakeBench reports the source's own U and f (+ biases) and P = Q = S = 0: P has no reading to compare.
        var plan = Load(Header("voltage: 0.1, voltage-thd: 1, frequency: 0.02") + """
            repeats: 2
            points:
              - { id: U, function: voltage }
              - { id: THD, function: voltage-thd, voltage-harmonics: "h5 5 %" }
              - { id: F, function: frequency }
            """);
        var bench = new FakeBench { InstantaneousBias = (0.2, 0.005) };
        var results = (await new PlanExecutor(new BenchConnections(bench, bench, bench, bench)).RunAsync(plan, PointResolver.Resolve(plan, Pm8000), null, null, null, CancellationToken.None)).Points;
        Assert.Multiple(() =>
        {
            Assert.That(results[0].ErrorPercent, Is.EqualTo(0.2 / 230 * 100).Within(1e-9));
            Assert.That(results[0].Verdict, Is.EqualTo(Verdict.Pass), "0.087 % < 0.1 %");
            Assert.That(results[0].Test, Is.EqualTo("pmd-function"));
            Assert.That(results[1].Verdict, Is.EqualTo(Verdict.Incomplete));
            Assert.That(results[1].Reason, Does.Contain("reads no registers by name"));
            Assert.That(results[2].ErrorPercent, Is.EqualTo(0.005 / 50 * 100).Within(1e-9));
            Assert.That(results[2].Verdict, Is.EqualTo(Verdict.Pass), "0.01 % < 0.02 %");
        });
    }
}
