using System.Buffers.Binary;

namespace Bench.Modbus.Data;

/// <summary>
/// Typed values from and to registers: INT16/UINT16, INT32/UINT32, INT64/UINT64 and FLOAT32 in any <see cref="WordOrder"/>.
/// Pure functions over spans; the simulators encode with the same code the drivers decode with, and the tests check both
/// against the byte patterns of shared/protocols/modbus.md §5.
/// </summary>
public static class RegisterValues
{
    public static short ToInt16(ReadOnlySpan<ushort> registers) => unchecked((short)registers[0]);

    public static ushort ToUInt16(ReadOnlySpan<ushort> registers) => registers[0];

    public static uint ToUInt32(ReadOnlySpan<ushort> registers, WordOrder order) => (uint)Combine(registers, 2, order);

    public static int ToInt32(ReadOnlySpan<ushort> registers, WordOrder order) => unchecked((int)ToUInt32(registers, order));

    public static ulong ToUInt64(ReadOnlySpan<ushort> registers, WordOrder order) => Combine(registers, 4, order);

    public static long ToInt64(ReadOnlySpan<ushort> registers, WordOrder order) => unchecked((long)ToUInt64(registers, order));

    public static float ToFloat32(ReadOnlySpan<ushort> registers, WordOrder order) => BitConverter.UInt32BitsToSingle(ToUInt32(registers, order));

    public static void FromUInt32(uint value, WordOrder order, Span<ushort> registers) => Split(value, 2, order, registers);

    public static void FromInt32(int value, WordOrder order, Span<ushort> registers) => Split(unchecked((uint)value), 2, order, registers);

    public static void FromUInt64(ulong value, WordOrder order, Span<ushort> registers) => Split(value, 4, order, registers);

    public static void FromInt64(long value, WordOrder order, Span<ushort> registers) => Split(unchecked((ulong)value), 4, order, registers);

    public static void FromFloat32(float value, WordOrder order, Span<ushort> registers) => Split(BitConverter.SingleToUInt32Bits(value), 2, order, registers);

    private static ulong Combine(ReadOnlySpan<ushort> registers, int count, WordOrder order)
    {
        ulong value = 0;
        for (var k = 0; k < count; k++)
        {
            // k-th register on the wire holds word w (0 = most significant) of the value.
            var w = order is WordOrder.ABCD or WordOrder.BADC ? k : count - 1 - k;
            var word = order is WordOrder.BADC or WordOrder.DCBA ? BinaryPrimitives.ReverseEndianness(registers[k]) : registers[k];
            value |= (ulong)word << (16 * (count - 1 - w));
        }

        return value;
    }

    private static void Split(ulong value, int count, WordOrder order, Span<ushort> registers)
    {
        for (var k = 0; k < count; k++)
        {
            var w = order is WordOrder.ABCD or WordOrder.BADC ? k : count - 1 - k;
            var word = (ushort)(value >> (16 * (count - 1 - w)));
            registers[k] = order is WordOrder.BADC or WordOrder.DCBA ? BinaryPrimitives.ReverseEndianness(word) : word;
        }
    }
}
