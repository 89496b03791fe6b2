using Bench.Core.Quantities;

namespace Bench.Core.Tests;

public class LoadAngleTests
{
    // φ = acos(cos φ) or asin(sin φ); positive when the current lags.
    [TestCase("1", TrigFunction.Cos, 0.0)]
    [TestCase("0.5 L", TrigFunction.Cos, 60.0)]
    [TestCase("0.8 C", TrigFunction.Cos, -36.86989764584402)]
    [TestCase("1 L", TrigFunction.Sin, 90.0)]
    [TestCase("1 C", TrigFunction.Sin, -90.0)]
    [TestCase("0.5 L", TrigFunction.Sin, 30.0)]
    [TestCase("0.25 C", TrigFunction.Sin, -14.477512185929923)]
    public void Angle_from_table_notation(string text, TrigFunction function, double lag)
    {
        Assert.That(LoadAngle.TryParse(text, function, out var a), Is.True);
        Assert.That(a.CurrentLagDegrees, Is.EqualTo(lag).Within(1e-9));
    }

    [TestCase("1", TrigFunction.Sin)]
    [TestCase("1 L", TrigFunction.Cos)]
    [TestCase("0.5", TrigFunction.Cos)]
    [TestCase("0.5 X", TrigFunction.Sin)]
    [TestCase("1.5 L", TrigFunction.Sin)]
    public void Ambiguous_or_impossible_angles_are_rejected(string text, TrigFunction function) =>
        Assert.That(LoadAngle.TryParse(text, function, out _), Is.False);

    [Test]
    public void Single_phase_load_keeps_all_voltages_and_one_current()
    {
        var sp = ThreePhaseSetpoint.SinglePhaseLoad(230, 5, 60, 50, 1);
        Assert.Multiple(() =>
        {
            Assert.That(sp.Phases.Select(p => p.VoltageV), Has.All.EqualTo(230));
            Assert.That(sp.Phases.Select(p => p.CurrentA), Is.EqualTo(new[] { 0.0, 5.0, 0.0 }));
            Assert.That(sp.Phases[1].CurrentAngleDeg, Is.EqualTo(180.0).Within(1e-9));
        });
    }
}
