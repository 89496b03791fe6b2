using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x0F: <c>0F addr(2) qty(2) byteCount bits…</c>, quantity 1–1968; the response is <c>0F addr qty</c>.</summary>
public sealed record WriteMultipleCoilsRequest : IModbusRequest
{
    public WriteMultipleCoilsRequest(ushort address, IReadOnlyList<bool> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Count, ModbusLimits.MaxWriteCoils);
        Address = address;
        Values = values;
    }

    public FunctionCode Function => FunctionCode.WriteMultipleCoils;

    public ushort Address { get; }

    public IReadOnlyList<bool> Values { get; }

    public int EncodedLength => 6 + BitPacking.ByteCount(Values.Count);

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)Values.Count);
        var bytes = BitPacking.ByteCount(Values.Count);
        pdu[5] = (byte)bytes;
        BitPacking.Pack(Values.ToArray(), pdu[6..]);
        return 6 + bytes;
    }
}
