using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>
/// Function 0x17: <c>17 readAddr readQty writeAddr writeQty byteCount values…</c>; the server writes before it reads.
/// Read quantity 1–125, write quantity 1–121.
/// </summary>
public sealed record ReadWriteMultipleRegistersRequest : IModbusRequest
{
    public ReadWriteMultipleRegistersRequest(ushort readAddress, ushort readCount, ushort writeAddress, IReadOnlyList<ushort> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readCount, (ushort)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(readCount, (ushort)ModbusLimits.MaxReadRegisters);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Count, ModbusLimits.MaxReadWriteWriteRegisters);
        ReadAddress = readAddress;
        ReadCount = readCount;
        WriteAddress = writeAddress;
        Values = values;
    }

    public FunctionCode Function => FunctionCode.ReadWriteMultipleRegisters;

    public ushort ReadAddress { get; }

    public ushort ReadCount { get; }

    public ushort WriteAddress { get; }

    public IReadOnlyList<ushort> Values { get; }

    public int EncodedLength => 10 + (2 * Values.Count);

    public int ResponseLength => 2 + (2 * ReadCount);

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], ReadAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], ReadCount);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[5..], WriteAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[7..], (ushort)Values.Count);
        pdu[9] = (byte)(2 * Values.Count);
        for (var k = 0; k < Values.Count; k++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu[(10 + (2 * k))..], Values[k]);
        }

        return EncodedLength;
    }
}
