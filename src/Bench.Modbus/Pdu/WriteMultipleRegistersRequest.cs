using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x10: <c>10 addr(2) qty(2) byteCount values…</c>, quantity 1–123; the response is <c>10 addr qty</c>.</summary>
public sealed record WriteMultipleRegistersRequest : IModbusRequest
{
    public WriteMultipleRegistersRequest(ushort address, IReadOnlyList<ushort> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Count, ModbusLimits.MaxWriteRegisters);
        Address = address;
        Values = values;
    }

    public FunctionCode Function => FunctionCode.WriteMultipleRegisters;

    public ushort Address { get; }

    public IReadOnlyList<ushort> Values { get; }

    public int EncodedLength => 6 + (2 * Values.Count);

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)Values.Count);
        pdu[5] = (byte)(2 * Values.Count);
        for (var k = 0; k < Values.Count; k++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu[(6 + (2 * k))..], Values[k]);
        }

        return EncodedLength;
    }
}
