using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x06: <c>06 addr(2) value(2)</c>. The response echoes the request.</summary>
public sealed record WriteSingleRegisterRequest(ushort Address, ushort Value) : IModbusRequest
{
    public FunctionCode Function => FunctionCode.WriteSingleRegister;

    public int EncodedLength => 5;

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], Value);
        return 5;
    }
}
