namespace Bench.Modbus.Pdu;

/// <summary>Coil and discrete-input packing: bit 0 of the first byte is the first coil, unused high bits are 0.</summary>
public static class BitPacking
{
    public static int ByteCount(int bits) => (bits + 7) / 8;

    public static void Pack(ReadOnlySpan<bool> bits, Span<byte> destination)
    {
        destination[..ByteCount(bits.Length)].Clear();
        for (var k = 0; k < bits.Length; k++)
        {
            if (bits[k])
            {
                destination[k >> 3] |= (byte)(1 << (k & 7));
            }
        }
    }

    public static void Unpack(ReadOnlySpan<byte> packed, Span<bool> destination)
    {
        for (var k = 0; k < destination.Length; k++)
        {
            destination[k] = (packed[k >> 3] & (1 << (k & 7))) != 0;
        }
    }
}
