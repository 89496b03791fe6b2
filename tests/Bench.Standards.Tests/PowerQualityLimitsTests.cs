using Bench.Standards.Limits;

namespace Bench.Standards.Tests;

/// <summary>IEC 61000-4-30 / 61000-4-7 / 61000-4-15 figures as power-quality.md §3, §6, §7 give them, with their marks.</summary>
public class PowerQualityLimitsTests
{
    [TestCase(PowerQualityParameter.VoltageEvents, "A", 0.2, "% of Udin", true)]
    [TestCase(PowerQualityParameter.VoltageEvents, "S", 1.0, "% of Udin", true)]
    [TestCase(PowerQualityParameter.Unbalance, "A", 0.15, "% (u2, absolute)", true)]
    [TestCase(PowerQualityParameter.VoltageHarmonic, "A", 5.0, "% of reading", false)]
    [TestCase(PowerQualityParameter.Flicker, "A", 5.0, "% of reading", false)]
    public void Rows_carry_value_unit_and_mark(PowerQualityParameter parameter, string accuracyClass, double limit, string unit, bool unconfirmed)
    {
        var row = PowerQualityLimits.Find(accuracyClass, parameter, "test");
        Assert.That((row.Limit, row.Unit, row.Source.Unconfirmed), Is.EqualTo((limit, unit, unconfirmed)));
    }

    [TestCase(1.0, 5.0, "% of reading")]     // Um ≥ 1 % Unom: ±5 % of Um
    [TestCase(0.99, 0.05, "% of Unom")]      // below: ±0.05 % Unom
    public void Harmonic_limit_switches_at_one_percent_of_nominal(double magnitude, double limit, string unit) =>
        Assert.That(PowerQualityHarmonicLimit.For(magnitude), Is.EqualTo((limit, unit)));

    [Test]
    public void Event_tolerances_are_one_cycle_and_the_clock_at_50_and_60_Hz()
    {
        var a50 = PowerQualityEventLimits.For("A", 50);
        var s60 = PowerQualityEventLimits.For("S", 60);
        Assert.Multiple(() =>
        {
            Assert.That(a50.Duration(50), Is.EqualTo(TimeSpan.FromMilliseconds(20)));
            Assert.That(a50.Start(50, TimeSpan.FromMilliseconds(3)).TotalMilliseconds, Is.EqualTo(43).Within(1e-9));
            Assert.That(s60.Duration(60).TotalMilliseconds, Is.EqualTo(2000.0 / 60).Within(1e-3), "TimeSpan keeps 0.1 µs ticks");
            Assert.That(s60.ResidualPercentOfUdin, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Event_sets_list_the_iec_61000_4_11_levels()
    {
        Assert.That(PowerQualityEventSets.Find("iec61000-4-11-class2")!.Select(l => l.ResidualPercent), Is.EqualTo(new[] { 0.0, 0, 70, 0 }));
        Assert.That(PowerQualityEventSets.Find("nope"), Is.Null);
    }
}
