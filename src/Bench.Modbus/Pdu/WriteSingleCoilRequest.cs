using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x05: <c>05 addr(2) value(2)</c>, value FF00 = ON, 0000 = OFF. The response echoes the request.</summary>
public sealed record WriteSingleCoilRequest(ushort Address, bool Value) : IModbusRequest
{
    public const ushort On = 0xFF00;

    public FunctionCode Function => FunctionCode.WriteSingleCoil;

    public int EncodedLength => 5;

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], Value ? On : (ushort)0);
        return 5;
    }
}
