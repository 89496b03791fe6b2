using Bench.Modbus.Protocol;

namespace Bench.Modbus.Framing;

/// <summary>RTU ADU: <c>address | PDU | CRC (low byte first)</c>, at most 256 bytes; and how long a frame must be.</summary>
public static class RtuFrame
{
    public const int MaxAduLength = 256;

    public static int Write(Span<byte> adu, byte address, ReadOnlySpan<byte> pdu)
    {
        adu[0] = address;
        pdu.CopyTo(adu[1..]);
        Crc16Modbus.Write(adu[..(1 + pdu.Length)], adu[(1 + pdu.Length)..]);
        return pdu.Length + 3;
    }

    /// <summary>
    /// Total ADU length of a response whose first bytes are <paramref name="received"/>, or 0 when more bytes are needed
    /// to tell; -1 when the function is unknown (the caller then relies on the 3.5-character silence).
    /// </summary>
    public static int ExpectedResponseLength(ReadOnlySpan<byte> received)
    {
        if (received.Length < 2)
        {
            return 0;
        }

        var function = received[1];
        if ((function & 0x80) != 0)
        {
            return 5;
        }

        switch ((FunctionCode)function)
        {
            case FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs or FunctionCode.ReadHoldingRegisters
                or FunctionCode.ReadInputRegisters or FunctionCode.ReadWriteMultipleRegisters:
                return received.Length < 3 ? 0 : 5 + received[2];
            case FunctionCode.WriteSingleCoil or FunctionCode.WriteSingleRegister
                or FunctionCode.WriteMultipleCoils or FunctionCode.WriteMultipleRegisters:
                return 8;
            case FunctionCode.EncapsulatedInterface:
                return DeviceIdentificationLength(received);
            default:
                return -1;
        }
    }

    /// <summary>Total ADU length of a request whose first bytes are <paramref name="received"/> (server side), 0 when unknown yet.</summary>
    public static int ExpectedRequestLength(ReadOnlySpan<byte> received)
    {
        if (received.Length < 2)
        {
            return 0;
        }

        switch ((FunctionCode)received[1])
        {
            case FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs or FunctionCode.ReadHoldingRegisters
                or FunctionCode.ReadInputRegisters or FunctionCode.WriteSingleCoil or FunctionCode.WriteSingleRegister:
                return 8;
            case FunctionCode.WriteMultipleCoils or FunctionCode.WriteMultipleRegisters:
                return received.Length < 7 ? 0 : 9 + received[6];
            case FunctionCode.ReadWriteMultipleRegisters:
                return received.Length < 11 ? 0 : 13 + received[10];
            case FunctionCode.EncapsulatedInterface:
                return 7;
            default:
                return -1;
        }
    }

    private static int DeviceIdentificationLength(ReadOnlySpan<byte> received)
    {
        // address 2B 0E code conformity more next count {id len value}… crc crc
        const int header = 8;
        if (received.Length < header)
        {
            return 0;
        }

        var offset = header;
        for (var k = 0; k < received[7]; k++)
        {
            if (received.Length < offset + 2)
            {
                return 0;
            }

            offset += 2 + received[offset + 1];
        }

        return offset + 2;
    }
}
