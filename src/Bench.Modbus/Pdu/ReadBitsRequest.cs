using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x01 (coils) or 0x02 (discrete inputs): <c>fc addr(2) qty(2)</c>, quantity 1–2000.</summary>
public sealed record ReadBitsRequest : IModbusRequest
{
    public ReadBitsRequest(FunctionCode function, ushort address, ushort count)
    {
        if (function is not (FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs))
        {
            throw new ArgumentException($"{function} does not read bits", nameof(function));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, (ushort)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)ModbusLimits.MaxReadBits);
        Function = function;
        Address = address;
        Count = count;
    }

    public FunctionCode Function { get; }

    public ushort Address { get; }

    public ushort Count { get; }

    public int EncodedLength => 5;

    /// <summary>Length of the normal response PDU.</summary>
    public int ResponseLength => 2 + BitPacking.ByteCount(Count);

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], Count);
        return 5;
    }
}
