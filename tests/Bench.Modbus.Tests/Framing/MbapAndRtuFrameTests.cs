using Bench.Modbus.Framing;

namespace Bench.Modbus.Tests.Framing;

/// <summary>ADU framing against the TCP and RTU examples of shared/protocols/modbus.md §3–4.</summary>
public sealed class MbapAndRtuFrameTests
{
    [Test]
    public void Mbap_header_of_the_example_request_and_response()
    {
        var adu = new byte[12];
        MbapHeader.For(1, 1, 5).Write(adu);
        Convert.FromHexString("03006B0003").CopyTo(adu, 7);
        var response = MbapHeader.Read(Convert.FromHexString("0001000000090103 06022B00000064".Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexString(adu), Is.EqualTo("0001000000060103006B0003"));
            Assert.That(response, Is.EqualTo(new MbapHeader(1, 0, 9, 1)));
            Assert.That(response.PduLength, Is.EqualTo(8));
            Assert.That(new MbapHeader(1, 1, 6, 1).IsPlausible, Is.False, "protocol id 1");
            Assert.That(new MbapHeader(1, 0, 300, 1).IsPlausible, Is.False, "length beyond 254");
        });
    }

    [Test]
    public void Rtu_frame_of_a_PM_register_read()
    {
        var adu = new byte[RtuFrame.MaxAduLength];
        var n = RtuFrame.Write(adu, 1, Convert.FromHexString("030BB70002"));

        // Register 3000 → address 2999 (0x0BB7), CRC 76 09 from the table in modbus.md §4.
        Assert.That(Convert.ToHexString(adu, 0, n), Is.EqualTo("01030BB700027609"));
    }

    [TestCase("0103", 0)]
    [TestCase("010306", 11)]
    [TestCase("0183", 5)]
    [TestCase("0110", 8)]
    [TestCase("0105", 8)]
    [TestCase("0141", -1)]
    [TestCase("012B0E010100000101", 0)]
    [TestCase("012B0E01010000010003414243", 15)]
    public void Expected_response_length_from_the_first_bytes(string received, int expected) =>
        Assert.That(RtuFrame.ExpectedResponseLength(Convert.FromHexString(received)), Is.EqualTo(expected));

    [TestCase("0103006B", 8)]
    [TestCase("0110000100020400", 13)]
    [TestCase("010F0013000A02", 11)]
    [TestCase("011700030006000E000306", 19)]
    public void Expected_request_length_from_the_first_bytes(string received, int expected) =>
        Assert.That(RtuFrame.ExpectedRequestLength(Convert.FromHexString(received)), Is.EqualTo(expected));

    [Test]
    public void Silent_intervals_follow_the_character_time()
    {
        Assert.Multiple(() =>
        {
            // 11 bits at 9600 baud = 1.1458 ms; t3.5 = 4.01 ms (modbus.md §4); above 19200 the fixed 1.75 ms.
            Assert.That(RtuTiming.CharacterTime(9600, true, 1).TotalMilliseconds, Is.EqualTo(1.1458).Within(0.001));
            Assert.That(RtuTiming.InterFrameDelay(9600).TotalMilliseconds, Is.EqualTo(4.01).Within(0.01));
            Assert.That(RtuTiming.InterFrameDelay(19200).TotalMilliseconds, Is.EqualTo(2.005).Within(0.01));
            Assert.That(RtuTiming.InterFrameDelay(115200).TotalMilliseconds, Is.EqualTo(1.75));
            Assert.That(RtuTiming.InterCharacterTimeout(115200).TotalMilliseconds, Is.EqualTo(0.75));
        });
    }
}
