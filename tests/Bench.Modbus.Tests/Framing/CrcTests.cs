using Bench.Modbus.Framing;

namespace Bench.Modbus.Tests.Framing;

/// <summary>CRC-16/MODBUS against the table of shared/protocols/modbus.md §4 (each value recomputed there independently).</summary>
public sealed class CrcTests
{
    [TestCase("01 03 00 00 00 0A", "C5CD")]
    [TestCase("0103006B0003", "7417")]
    [TestCase("1103006B0003", "7687")]
    [TestCase("110306022B00000064", "C8BA")]
    [TestCase("010306022B00000064", "057A")]
    [TestCase("110600010003", "9A9B")]
    [TestCase("11 10 00 01 00 02 04 00 0A 01 02", "C6F0")]
    [TestCase("110100130013", "8E92")]
    [TestCase("110103CD6B05", "4012")]
    [TestCase("018302", "C0F1")]
    [TestCase("01030BB70002", "7609")]
    public void Crc_bytes_on_the_wire_match_the_reference(string frame, string crcOnWire)
    {
        var bytes = Convert.FromHexString(frame.Replace(" ", string.Empty, StringComparison.Ordinal));
        var crc = new byte[2];
        Crc16Modbus.Write(bytes, crc);
        Assert.That(Convert.ToHexString(crc), Is.EqualTo(crcOnWire));
    }
}
