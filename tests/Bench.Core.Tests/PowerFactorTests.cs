using System.Globalization;

using Bench.Core.Quantities;

namespace Bench.Core.Tests;

public class PowerFactorTests
{
    // φ = acos(PF); inductive: current lags (positive lag), capacitive: current leads.
    [TestCase("1", 1.0, LoadKind.Unity, 0.0)]
    [TestCase("0.5 L", 0.5, LoadKind.Inductive, 60.0)]
    [TestCase("0.5L", 0.5, LoadKind.Inductive, 60.0)]
    [TestCase("0.8 C", 0.8, LoadKind.Capacitive, -36.86989764584402)]
    [TestCase("0.5 ind", 0.5, LoadKind.Inductive, 60.0)]
    public void Parses_standard_notation(string text, double value, LoadKind kind, double lagDeg)
    {
        Assert.That(PowerFactor.TryParse(text, out var pf), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(pf.Value, Is.EqualTo(value));
            Assert.That(pf.Kind, Is.EqualTo(kind));
            Assert.That(pf.CurrentLagDegrees, Is.EqualTo(lagDeg).Within(1e-9));
        });
    }

    [TestCase("0.5")]
    [TestCase("1.2")]
    [TestCase("0,5 L")]
    [TestCase("half")]
    [TestCase("")]
    public void Rejects_ambiguous_or_malformed(string text) => Assert.That(PowerFactor.TryParse(text, out _), Is.False);

    [Test]
    [SetCulture("de-DE")]
    public void Text_is_culture_invariant()
    {
        Assert.That(new PowerFactor(0.8, LoadKind.Capacitive).ToString(), Is.EqualTo("0.8 C"));
        Assert.That(PowerFactor.TryParse("0.8 C", out var pf) && pf.Value == 0.8, Is.True);
        Assert.That(CultureInfo.CurrentCulture.Name, Is.EqualTo("de-DE"));
    }

    [Test]
    public void Balanced_setpoint_has_positive_sequence_and_lagging_current()
    {
        var sp = ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Inductive), 50);
        Assert.Multiple(() =>
        {
            Assert.That(sp.Phases.Select(p => p.VoltageAngleDeg), Is.EqualTo(new[] { 0.0, -120.0, 120.0 }));
            Assert.That(sp.Phases.Select(p => p.CurrentAngleDeg), Is.EqualTo(new[] { -60.0, 180.0, 60.0 }).Within(1e-9));
            Assert.That(sp.IsEnergized, Is.True);
            Assert.That(ThreePhaseSetpoint.Off(50).IsEnergized, Is.False);
        });
    }
}
