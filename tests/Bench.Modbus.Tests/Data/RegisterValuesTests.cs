using Bench.Modbus.Data;
using Bench.Modbus.Errors;

namespace Bench.Modbus.Tests.Data;

/// <summary>Typed register values against the byte patterns of shared/protocols/modbus.md §5.</summary>
public sealed class RegisterValuesTests
{
    // 123456.0f = 0x47F12000 (IEEE 754; Python: struct.pack('>f', 123456.0).hex() == '47f12000').
    [TestCase(WordOrder.ABCD, (ushort)0x47F1, (ushort)0x2000)]
    [TestCase(WordOrder.CDAB, (ushort)0x2000, (ushort)0x47F1)]
    [TestCase(WordOrder.BADC, (ushort)0xF147, (ushort)0x0020)]
    [TestCase(WordOrder.DCBA, (ushort)0x0020, (ushort)0xF147)]
    public void Float_123456_in_each_word_order(WordOrder order, ushort first, ushort second)
    {
        var encoded = new ushort[2];
        RegisterValues.FromFloat32(123456f, order, encoded);
        Assert.Multiple(() =>
        {
            Assert.That(encoded, Is.EqualTo(new[] { first, second }));
            Assert.That(RegisterValues.ToFloat32([first, second], order), Is.EqualTo(123456f));
        });
    }

    [Test]
    public void Int64_is_most_significant_register_first()
    {
        // value = Σ reg[i]·2^(16·(3−i)) (modbus.md §5): 0x0001_0002_0003_0004 = 281483566841860.
        ushort[] registers = [0x0001, 0x0002, 0x0003, 0x0004];
        Assert.Multiple(() =>
        {
            Assert.That(RegisterValues.ToInt64(registers, WordOrder.ABCD), Is.EqualTo(0x0001_0002_0003_0004L));
            Assert.That(RegisterValues.ToInt64(registers, WordOrder.CDAB), Is.EqualTo(0x0004_0003_0002_0001L));
            Assert.That(RegisterValues.ToInt64([0xFFFF, 0xFFFF, 0xFFFF, 0xFFFE], WordOrder.ABCD), Is.EqualTo(-2L));
            Assert.That(RegisterValues.ToUInt64([0x0100, 0, 0, 0], WordOrder.DCBA), Is.EqualTo(1UL));
        });
    }

    [Test]
    public void Int32_and_int16_are_twos_complement()
    {
        var r = new ushort[2];
        RegisterValues.FromInt32(-100000, WordOrder.ABCD, r);
        Assert.Multiple(() =>
        {
            // -100000 = 0xFFFE7960.
            Assert.That(r, Is.EqualTo(new ushort[] { 0xFFFE, 0x7960 }));
            Assert.That(RegisterValues.ToInt32(r, WordOrder.ABCD), Is.EqualTo(-100000));
            Assert.That(RegisterValues.ToUInt32([0x0001, 0x0000], WordOrder.ABCD), Is.EqualTo(65536u));
            Assert.That(RegisterValues.ToInt16([0x8000]), Is.EqualTo(short.MinValue));
        });
    }

    [Test]
    public void Strings_put_the_first_character_in_the_high_byte_and_pad_with_nul()
    {
        var r = new ushort[4];
        RegisterText.Encode("PM8240", r);
        Assert.Multiple(() =>
        {
            // 'P' = 0x50, 'M' = 0x4D, '8' = 0x38, '2' = 0x32, '4' = 0x34, '0' = 0x30.
            Assert.That(r, Is.EqualTo(new ushort[] { 0x504D, 0x3832, 0x3430, 0x0000 }));
            Assert.That(RegisterText.Decode(r), Is.EqualTo("PM8240"));
            Assert.That(RegisterText.Decode([0x4142, 0x4300, 0x4444]), Is.EqualTo("ABC"), "text ends at the first NUL");
        });
    }

    [Test]
    public void Schneider_datetime_round_trips_and_rejects_nonsense()
    {
        var r = new ushort[4];
        var time = new DateTime(2026, 11, 27, 8, 45, 12, 345);
        SchneiderDateTime.Encode(time, r);
        Assert.Multiple(() =>
        {
            // year-2000 = 26; month 11 / day 27 = 0x0B1B; hour 8 / minute 45 = 0x082D; 12.345 s = 12345 ms.
            Assert.That(r, Is.EqualTo(new ushort[] { 26, 0x0B1B, 0x082D, 12345 }));
            Assert.That(SchneiderDateTime.Decode(r), Is.EqualTo(time));
            Assert.Throws<ModbusFrameException>(() => SchneiderDateTime.Decode([26, 0x0D01, 0, 0]), "month 13");
        });
    }

    // Anchors of modbus.md §5: 0° → 1, 90° → 0, 180° → −1, 270° → 2; PF 0.5 leading with P > 0 encodes as 1.5.
    [TestCase(1.0, 1.0, false)]
    [TestCase(0.5, 0.5, false)]
    [TestCase(1.5, 0.5, true)]
    [TestCase(-1.5, -0.5, true)]
    [TestCase(-0.8, -0.8, false)]
    [TestCase(2.0, 0.0, true)]
    public void Four_quadrant_power_factor(double register, double pf, bool leading)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FourQuadrantPowerFactor.Decode(register), Is.EqualTo((pf, leading)));
            Assert.That(FourQuadrantPowerFactor.Encode(pf, leading), Is.EqualTo(register));
        });
    }
}
