using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Standards.Limits;

namespace Bench.Standards.Tests;

// Expected limits: shared/standards/energy-accuracy.md §2 (IEC 62053-22 balanced-load table; In 5 A, Imax 10 A).
public class Iec62053Part22Tests
{
    private const double In = 5;
    private const double Imax = 10;

    [TestCase("0.2S", 0.05, "1", 0.4)]
    [TestCase("0.2S", 0.2499, "1", 0.4)]
    [TestCase("0.2S", 0.25, "1", 0.2)]
    [TestCase("0.2S", 10, "1", 0.2)]
    [TestCase("0.2S", 0.1, "0.5 L", 0.5)]
    [TestCase("0.2S", 0.5, "0.5 L", 0.3)]
    [TestCase("0.2S", 0.5, "0.8 C", 0.3)]
    [TestCase("0.5S", 0.05, "1", 1.0)]
    [TestCase("0.5S", 5, "1", 0.5)]
    [TestCase("0.5S", 5, "0.5 L", 0.6)]
    [TestCase("0.1S", 5, "1", 0.1)]
    public void Limit_at_load_point(string cls, double currentA, string pf, double expected)
    {
        Assert.That(PowerFactor.TryParse(pf, out var p), Is.True);
        var row = EnergyStandards.Iec62053Part22.Find(cls, currentA, In, Imax, p, "test");
        Assert.That(row.LimitPercent, Is.EqualTo(expected));
    }

    [Test]
    public void Unconfirmed_columns_keep_their_mark()
    {
        var cl02 = EnergyStandards.Iec62053Part22.Find("0.2S", 5, In, Imax, PowerFactor.Unity, "test");
        var cl05 = EnergyStandards.Iec62053Part22.Find("0.5S", 5, In, Imax, PowerFactor.Unity, "test");
        Assert.Multiple(() =>
        {
            Assert.That(cl02.Source.Unconfirmed, Is.True, "the 0.2S column is (unconfirmed) in energy-accuracy.md");
            Assert.That(cl02.Source.ToString(), Does.EndWith("(unconfirmed)"));
            Assert.That(cl05.Source.Unconfirmed, Is.False, "the 0.5S balanced rows are [C] in energy-accuracy.md");
        });
    }

    [Test]
    public void No_limit_below_Imin_or_above_Imax()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => EnergyStandards.Iec62053Part22.Find("0.2S", 0.01, In, Imax, PowerFactor.Unity, "plan.yaml:3:5"),
                Throws.TypeOf<BenchInputException>().With.Message.StartsWith("plan.yaml:3:5: "));
            Assert.That(() => EnergyStandards.Iec62053Part22.Find("0.2S", 10.5, In, Imax, PowerFactor.Unity, "here"),
                Throws.TypeOf<BenchInputException>().With.Message.Contains("above Imax"));
            Assert.That(() => EnergyStandards.Iec62053Part22.Find("0.2S", 5, In, Imax, new PowerFactor(0.7, LoadKind.Inductive), "here"),
                Throws.TypeOf<BenchInputException>().With.Message.Contains("no limit"));
            Assert.That(() => EnergyStandards.Iec62053Part22.Find("1", 5, In, Imax, PowerFactor.Unity, "here"),
                Throws.TypeOf<BenchInputException>().With.Message.Contains("no class '1'"));
        });
    }
}
