using Bench.Core.Errors;
using Bench.Plans.Model;

namespace Bench.Plans.Tests;

public class RatedValueTests
{
    // PM8000 ratings (shared/protocols/pm8000-map.md via the DUT profile): In 5 A, Imax 10 A, Ist 5 mA, Un 230 V, 50 Hz.
    private static readonly DutRatings Pm8000 = new(5, 10, 0.005, 230, 50, "0.2S");

    [TestCase("0.01 In", 0.05)]
    [TestCase("0.05In", 0.25)]
    [TestCase("In", 5)]
    [TestCase("Imax", 10)]
    [TestCase("0.5 Imax", 5)]
    [TestCase("Ist", 0.005)]
    [TestCase("Imin", 0.05)]
    [TestCase("2 Itr", 0.5)]
    [TestCase("5 mA", 0.005)]
    [TestCase("1e-1 A", 0.1)]
    public void Currents_resolve_against_the_ratings(string text, double amperes) =>
        Assert.That(Pm8000.Resolve(RatedValue.Parse(text, "here", "In", "Imax", "Ist", "Imin", "Itr", "A")), Is.EqualTo(amperes).Within(1e-12));

    [TestCase("1.1 Un", 253)]
    [TestCase("230 V", 230)]
    public void Voltages_resolve(string text, double volts) =>
        Assert.That(Pm8000.Resolve(RatedValue.Parse(text, "here", "Un", "V")), Is.EqualTo(volts).Within(1e-9));

    [TestCase("5 W")]
    [TestCase("In In")]
    [TestCase("-1 In")]
    [TestCase("0,5 In")]
    [TestCase("230 V")]
    public void Wrong_units_are_rejected_with_the_location(string text) =>
        Assert.That(() => RatedValue.Parse(text, "plan.yaml:4:7", "In", "Imax", "A"),
            Throws.TypeOf<BenchInputException>().With.Property("Location").EqualTo("plan.yaml:4:7"));
}
