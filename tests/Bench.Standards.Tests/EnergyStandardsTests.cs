using Bench.Core.Quantities;
using Bench.Standards.Limits;

namespace Bench.Standards.Tests;

// Expected figures: shared/standards/energy-accuracy.md §2–§7 and pmd-61557-12.md §4 (In 5 A, Imax 10 A).
public class EnergyStandardsTests
{
    [TestCase("IEC 62053-24", "0.5S", 5.0, TrigFunction.Sin, "1 L", LoadConnection.Balanced, 0.5)]
    [TestCase("IEC 62053-24", "0.5S", 0.1, TrigFunction.Sin, "0.5 C", LoadConnection.Balanced, 1.0)]
    [TestCase("IEC 62053-24", "1S", 5.0, TrigFunction.Sin, "1 L", LoadConnection.SinglePhase, 1.5)]
    [TestCase("IEC 62053-23", "2", 5.0, TrigFunction.Sin, "0.25 L", LoadConnection.Balanced, 2.5)]
    [TestCase("IEC 62053-21", "1", 0.25, TrigFunction.Cos, "1", LoadConnection.Balanced, 1.0)]
    [TestCase("IEC 62053-21", "1", 2.5, TrigFunction.Cos, "0.25 L", LoadConnection.Balanced, 3.5)]
    [TestCase("IEC 62053-22", "0.2S", 5.0, TrigFunction.Cos, "1", LoadConnection.SinglePhase, 0.3)]
    [TestCase("IEC 62053-22", "0.2S", 5.0, TrigFunction.Cos, "0.5 L", LoadConnection.SinglePhase, 0.4)]
    [TestCase("IEC 62053-22", "0.5S", 5.0, TrigFunction.Cos, "0.25 L", LoadConnection.Balanced, 1.0)]
    [TestCase("ANSI C12.20", "0.2", 5.0, TrigFunction.Cos, "0.5 L", LoadConnection.Balanced, 0.3)]
    [TestCase("ANSI C12.20", "0.2", 0.25, TrigFunction.Cos, "1", LoadConnection.Balanced, 0.4)]
    [TestCase("EN 50470-3", "C", 5.0, TrigFunction.Cos, "1", LoadConnection.Balanced, 0.5)]
    [TestCase("IEC 61557-12", "0.2", 0.05, TrigFunction.Cos, "1", LoadConnection.Balanced, 0.4)]
    [TestCase("IEC 61557-12", "0.5", 5.0, TrigFunction.Cos, "0.8 C", LoadConnection.Balanced, 0.6)]
    public void Limit_at_load_point(string standard, string cls, double currentA, TrigFunction function, string angle, LoadConnection load, double expected)
    {
        Assert.That(LoadAngle.TryParse(angle, function, out var a), Is.True);
        var row = LimitTables.ForStandard(standard, "test").Find(cls, currentA, 5, 10, a, load, "test");
        Assert.That(row.LimitPercent, Is.EqualTo(expected));
    }

    [Test]
    public void Only_figures_checked_against_a_source_lose_the_unconfirmed_mark()
    {
        // energy-accuracy.md §2: only the 0.5S balanced-load rows of IEC 62053-22 are [C]; everything else here is (unconfirmed).
        var confirmed = EnergyStandards.All.SelectMany(t => t.Rows).Where(r => !r.Source.Unconfirmed).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(confirmed, Is.Not.Empty);
            Assert.That(confirmed.Select(r => r.Source.Standard), Has.All.EqualTo("IEC 62053-22"));
            Assert.That(confirmed.Select(r => r.AccuracyClass), Has.All.EqualTo("0.5S"));
            Assert.That(confirmed.Select(r => r.Load), Has.All.EqualTo(LoadConnection.Balanced));
        });
    }

    [Test]
    public void Every_table_covers_its_classes_from_its_lowest_point_to_imax()
    {
        foreach (var table in EnergyStandards.All)
        {
            foreach (var cls in table.Classes)
            {
                var rows = table.Rows.Where(r => r.AccuracyClass == cls && r.Load == LoadConnection.Balanced).ToList();
                var unity = rows.Where(r => r.Angles.Any(a => Math.Abs(a.Value - 1) < 1e-9)).ToList();
                Assert.That(unity, Is.Not.Empty, $"{table.Standard} class {cls} has a row at cos/sin φ = 1");
                Assert.That(unity.Any(r => r.UpToImax), Is.True, $"{table.Standard} class {cls} reaches Imax");
                Assert.That(rows.Select(r => r.LimitPercent), Has.All.GreaterThan(0));
            }
        }
    }
}
