using System.Globalization;

using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Modbus.Data;

namespace Bench.Dut.Tests.Profiles;

/// <summary>The shipped profiles carry the figures other parts of the bench rely on.</summary>
public sealed class ShippedProfileTests
{
    [Test]
    public void Pm8000_profile_carries_its_ratings_and_registers()
    {
        var p = DutProfile.Load(ProfileFiles.Pm8000);

        // Ratings: pm8000-map.md and the lead's contract (In 5 A, Imax 10 A, Ist 5 mA, 57–400 V L-N, 230 V, 50 Hz, 0.2S).
        Assert.Multiple(() =>
        {
            Assert.That(p.Manufacturer, Is.EqualTo("Schneider Electric"));
            Assert.That(p.AccuracyClass, Is.EqualTo("0.2S"));
            Assert.That(p.AccuracyStandard, Is.EqualTo("IEC 62053-22"));
            Assert.That(p.NominalCurrentA, Is.EqualTo(5));
            Assert.That(p.MaximumCurrentA, Is.EqualTo(10));
            Assert.That(p.StartingCurrentA, Is.EqualTo(0.005));
            Assert.That(p.MinimumVoltageV, Is.EqualTo(57));
            Assert.That(p.NominalVoltageV, Is.EqualTo(230));
            Assert.That(p.MaximumVoltageV, Is.EqualTo(400));
            Assert.That(p.NominalFrequencyHz, Is.EqualTo(50));
            Assert.That(p.MeasuringElements, Is.EqualTo(3));
            Assert.That(p.Registers[MeterQuantity.VoltageAN].Address, Is.EqualTo(3027), "register 3028 → wire address 3027");
            Assert.That(p.Registers[MeterQuantity.VoltageAN].Order, Is.EqualTo(WordOrder.ABCD));
            Assert.That(p.Registers[MeterQuantity.PowerFactorTotal].Type, Is.EqualTo(RegisterType.FourQuadrantPowerFactor));
            Assert.That(p.Registers[MeterQuantity.ActivePowerTotal].Unit, Is.EqualTo("kW"));
            Assert.That(p.Energy(EnergyQuantity.ActiveDelivered)!.Point.Number, Is.EqualTo(3204), "INT64 Wh preferred");
            Assert.That(p.EnergyCounters.Count(c => c.Quantity == EnergyQuantity.ActiveDelivered), Is.EqualTo(2), "FLOAT32 kWh 2700 also mapped");
            Assert.That(p.Identity.Model.Point!.Number, Is.EqualTo(50));
            Assert.That(p.Identity.Manufacturer.FixedText, Is.EqualTo("Schneider Electric"));
            Assert.That(p.Modbus.Polling.Gaps, Is.EqualTo(new[] { new RegisterRange(3085, 3108) }));
        });
    }

    [Test]
    public void Pm8000_snapshot_takes_three_reads()
    {
        var p = DutProfile.Load(ProfileFiles.Pm8000);
        var used = p.Registers.Where(r => r.Key is not (MeterQuantity.ThdCurrentA or MeterQuantity.ThdCurrentB or MeterQuantity.ThdCurrentC
            or MeterQuantity.ThdVoltageAN or MeterQuantity.ThdVoltageBN or MeterQuantity.ThdVoltageCN)).Select(r => r.Value)
            .Append(p.Energy(EnergyQuantity.ActiveDelivered)!.Point).Append(p.Energy(EnergyQuantity.ReactiveDelivered)!.Point);

        var plan = ReadPlanner.Plan(used, p.Modbus.Polling);

        // 3000–3085 in one read, the gap 3086–3109 skipped, 3110–3111, then 3204–3223 bridging a 12-register hole (≤ 24).
        Assert.That(plan.Select(b => (b.Address, b.Count)), Is.EqualTo(new[] { (2999, 86), (3109, 2), (3203, 20) }));
    }

    [Test]
    public void Generic_profile_reads_input_registers_with_swapped_words_and_a_wrapping_counter()
    {
        var p = DutProfile.Load(ProfileFiles.Generic);
        var energy = p.Energy(EnergyQuantity.ActiveDelivered)!;
        Assert.Multiple(() =>
        {
            Assert.That(p.Modbus.Numbering, Is.EqualTo(RegisterNumbering.ZeroBased));
            Assert.That(p.Registers[MeterQuantity.VoltageAN].Address, Is.EqualTo(0));
            Assert.That(p.Registers[MeterQuantity.VoltageAN].Table, Is.EqualTo(RegisterTable.Input));
            Assert.That(p.Registers[MeterQuantity.VoltageAN].Order, Is.EqualTo(WordOrder.CDAB));
            Assert.That(energy.Point.Scale, Is.EqualTo(0.01));
            Assert.That(energy.Point.Order, Is.EqualTo(WordOrder.ABCD));
            Assert.That(energy.Rollover, Is.EqualTo(999999.99));
            Assert.That(p.Identity.Model.Point!.Table, Is.EqualTo(RegisterTable.Holding));
        });
    }

    [Test]
    public void Profiles_load_the_same_under_a_comma_decimal_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var p = DutProfile.Load(ProfileFiles.Pm8000);
            Assert.That(p.StartingCurrentA, Is.EqualTo(0.005));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Built_in_copy_matches_the_file()
    {
        var file = DutProfile.Load(ProfileFiles.Pm8000);
        var builtIn = BuiltInProfiles.Pm8000;
        Assert.That(builtIn.AllPoints.Select(x => (x.Name, x.Address, x.Type)), Is.EqualTo(file.AllPoints.Select(x => (x.Name, x.Address, x.Type))));
    }
}
