using Bench.Core.Results;
using Bench.Dut.Profiles;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// Issue 7's IEC 61557-12 correctness cases on the virtual bench: for each function, a simulated meter whose reading
/// errs by 0.9 of the function's limit passes, by 1.1 (either sign) fails. Limits (pmd-61557-12.md §3–§5, all
/// unconfirmed): f, U, I, IN, SA ±C % of reading; P and QA from their tables (P cl 0.2 at In PF 0.5 L: ±0.3 %, QA cl 1
/// at 0.05 In sin 0.5 C: ±1.5 %); PFA ±C·0.01; THD ±C % of reading with a 0.05·C point floor; Unba ±C points.
/// The meter's energy curve is off, so its reading errs by exactly the instantaneous error the case sets.
/// </summary>
[NonParallelizable]
public class PmdFunctionVerdictTests
{
    public sealed record Case(string Function, string Class, string Point, double Limit, string Unit, Func<double, InstantaneousErrors> Meter)
    {
        public override string ToString() => $"{Function} {Point}";
    }

    public static readonly Case[] Cases =
    [
        new("frequency", "0.02", "frequency: 50 Hz", 0.02, "% of reading", e => new() { FrequencyPercent = e }),
        new("voltage", "0.1", "voltage: Un", 0.1, "% of reading", e => new() { VoltagePercent = e }),
        new("current", "0.1", "current: 0.05 In", 0.1, "% of reading", e => new() { CurrentPercent = e }),
        new("neutral-current", "0.5", "current: In, load: L1", 0.5, "% of reading", e => new() { NeutralCurrentPercent = e }),
        new("active-power", "0.2", "current: In, pf: 0.5 L", 0.3, "% of reading", e => new() { ActivePowerPercent = e }),
        new("reactive-power", "1", "current: 0.05 In, sin: 0.5 C", 1.5, "% of reading", e => new() { ReactivePowerPercent = e }),
        new("apparent-power", "0.5", "current: Imax, pf: 0.8 C", 0.5, "% of reading", e => new() { ApparentPowerPercent = e }),
        new("power-factor", "0.5", "current: In, pf: 0.5 L", 0.005, "absolute PF", e => new() { PowerFactorOffset = e }),
        new("power-factor", "1", "current: 0.1 In, pf: 0.8 C", 0.01, "absolute PF", e => new() { PowerFactorOffset = e }),     // leading: 4Q_FP_PF above 1
        new("voltage-thd", "5", "voltage-harmonics: \"h5 10 %, h7 5 %\"", 0.559017, "percentage points", e => new() { VoltageThdPoints = e }), // 5 % of √125 % THD
        new("voltage-thd", "1", "voltage-harmonics: \"h3 2 %\"", 0.05, "percentage points", e => new() { VoltageThdPoints = e }),   // the floor: 1 % of 2 % < 0.05
        new("current-thd", "1", "current-harmonics: \"h5 40 %\"", 0.4, "percentage points", e => new() { CurrentThdPoints = e }),
        new("voltage-unbalance", "0.2", "voltage-unbalance: 2", 0.2, "percentage points", e => new() { VoltageUnbalancePoints = e }),
    ];

    internal static string Plan(Case c, string rule = "simple") => $$"""
        name: {{c.Function}} at the limit
        standard: IEC 61557-12
        class: "0.2"
        quantity: pmd-functions
        functions: { {{c.Function}}: {{c.Class}} }
        decision-rule: {{rule}}
        repeats: 2
        settle-s: 1
        points:
          - { id: X, function: {{c.Function}}, {{c.Point}} }
        """;

    internal static SimulatedMeterOptions Meter(InstantaneousErrors errors) => new() { UseProfileErrorCurve = false, InstantaneousErrors = errors };

    [TestCaseSource(nameof(Cases))]
    public async Task Just_inside_passes_and_just_outside_fails(Case c)
    {
        var inside = (await VirtualBenchRun.RunAsync(Plan(c), Meter(c.Meter(0.9 * c.Limit)))).Single();
        var outside = (await VirtualBenchRun.RunAsync(Plan(c), Meter(c.Meter(1.1 * c.Limit)))).Single();
        var negative = (await VirtualBenchRun.RunAsync(Plan(c), Meter(c.Meter(-1.1 * c.Limit)))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(inside.LimitPercent, Is.EqualTo(c.Limit).Within(1e-6));
            Assert.That(inside.ErrorUnit, Is.EqualTo(c.Unit));
            Assert.That(inside.ErrorPercent, Is.EqualTo(0.9 * c.Limit).Within(0.01 * c.Limit), "the bench measures the error the meter is set to");
            Assert.That(inside.Verdict, Is.EqualTo(Verdict.Pass), inside.Reason);
            Assert.That(outside.ErrorPercent, Is.EqualTo(1.1 * c.Limit).Within(0.01 * c.Limit));
            Assert.That(outside.Verdict, Is.EqualTo(Verdict.Fail), outside.Reason);
            Assert.That(negative.ErrorPercent, Is.EqualTo(-1.1 * c.Limit).Within(0.01 * c.Limit));
            Assert.That(negative.Verdict, Is.EqualTo(Verdict.Fail), negative.Reason);
            Assert.That(inside.LimitSource!.Unconfirmed, Is.True);
            Assert.That(inside.Test, Is.EqualTo("pmd-function"));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task On_the_limit_the_verdict_follows_the_side_the_measured_error_lies_on(Case c)
    {
        // Set exactly on the limit: the bench measures it within 0.5 % of the limit, and simple acceptance
        // (|e| ≤ TL, ILAC-G8 §4.2.1) passes it exactly when the measured |e| is not above TL.
        var on = (await VirtualBenchRun.RunAsync(Plan(c), Meter(c.Meter(c.Limit)))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(on.ErrorPercent, Is.EqualTo(c.Limit).Within(0.005 * c.Limit));
            Assert.That(on.Verdict, Is.EqualTo(Math.Abs(on.ErrorPercent!.Value) <= c.Limit ? Verdict.Pass : Verdict.Fail));
        });
    }

    [Test]
    public async Task A_single_phase_load_is_judged_on_the_loaded_phase()
    {
        var c = new Case("current", "0.1", "current: In, load: L2", 0.1, "% of reading", e => new() { CurrentPercent = e });
        var result = (await VirtualBenchRun.RunAsync(Plan(c), Meter(c.Meter(0.05)))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Reason);
            Assert.That(result.ErrorPercent, Is.EqualTo(0.05).Within(0.001));
            Assert.That(result.Reason, Does.Contain("worst phase L2"));
        });
    }

    /// <summary>ErA is gated like an IEC 62053-24 point: the meter's energy error (--meter-error) decides it.</summary>
    [TestCase("1", "current: In, sin: 1 L", 1.0)]             // QA/ErA table, cl 1, 0.05 In ≤ I ≤ Imax
    [TestCase("2", "current: 0.05 In, sin: 0.5 C", 2.5)]      // cl 2, 0.05 In ≤ I < 0.1 In, sin 0.5
    public async Task Reactive_energy_is_judged_on_the_energy_registers(string functionClass, string point, double limit)
    {
        var c = new Case("reactive-energy", functionClass, point, limit, "% of reading", _ => InstantaneousErrors.None);
        async Task<PointResult> Run(double energyError) => (await VirtualBenchRun.RunAsync(Plan(c), energyError)).Single();
        var inside = await Run(0.9 * limit);
        var outside = await Run(1.1 * limit);
        var negative = await Run(-1.1 * limit);
        Assert.Multiple(() =>
        {
            Assert.That(inside.LimitPercent, Is.EqualTo(limit));
            Assert.That(inside.ErrorPercent, Is.EqualTo(0.9 * limit).Within(0.01 * limit));
            Assert.That(inside.Verdict, Is.EqualTo(Verdict.Pass), inside.Reason);
            Assert.That(inside.ValueUnit, Is.EqualTo("varh"));
            Assert.That(outside.Verdict, Is.EqualTo(Verdict.Fail), outside.Reason);
            Assert.That(negative.Verdict, Is.EqualTo(Verdict.Fail), negative.Reason);
        });
    }
}
