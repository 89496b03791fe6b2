using System.Buffers.Binary;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Function 0x03 (holding) or 0x04 (input registers): <c>fc addr(2) qty(2)</c>, quantity 1–125.</summary>
public sealed record ReadRegistersRequest : IModbusRequest
{
    public ReadRegistersRequest(FunctionCode function, ushort address, ushort count)
    {
        if (function is not (FunctionCode.ReadHoldingRegisters or FunctionCode.ReadInputRegisters))
        {
            throw new ArgumentException($"{function} does not read registers", nameof(function));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, (ushort)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)ModbusLimits.MaxReadRegisters);
        Function = function;
        Address = address;
        Count = count;
    }

    public FunctionCode Function { get; }

    public ushort Address { get; }

    public ushort Count { get; }

    public int EncodedLength => 5;

    /// <summary>Length of the normal response PDU.</summary>
    public int ResponseLength => 2 + (2 * Count);

    public int Encode(Span<byte> pdu)
    {
        pdu[0] = (byte)Function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], Count);
        return 5;
    }
}
