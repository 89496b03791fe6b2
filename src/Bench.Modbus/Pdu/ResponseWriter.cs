using System.Buffers.Binary;
using System.Text;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>Server side: writes normal and exception response PDUs; every method returns the PDU length.</summary>
public static class ResponseWriter
{
    public static int Exception(Span<byte> pdu, FunctionCode function, ExceptionCode code)
    {
        pdu[0] = (byte)((byte)function | 0x80);
        pdu[1] = (byte)code;
        return 2;
    }

    /// <summary>Response of 0x03, 0x04 and 0x17: <c>fc byteCount values…</c>.</summary>
    public static int Registers(Span<byte> pdu, FunctionCode function, ReadOnlySpan<ushort> values)
    {
        pdu[0] = (byte)function;
        pdu[1] = (byte)(2 * values.Length);
        for (var k = 0; k < values.Length; k++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu[(2 + (2 * k))..], values[k]);
        }

        return 2 + (2 * values.Length);
    }

    /// <summary>Response of 0x01 and 0x02: <c>fc byteCount packedBits…</c>.</summary>
    public static int Bits(Span<byte> pdu, FunctionCode function, ReadOnlySpan<bool> values)
    {
        var bytes = BitPacking.ByteCount(values.Length);
        pdu[0] = (byte)function;
        pdu[1] = (byte)bytes;
        BitPacking.Pack(values, pdu[2..]);
        return 2 + bytes;
    }

    /// <summary>Response of 0x05, 0x06 (echo of the request) and of 0x0F, 0x10 (<c>fc addr qty</c>).</summary>
    public static int AddressAndValue(Span<byte> pdu, FunctionCode function, ushort address, ushort valueOrQuantity)
    {
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], valueOrQuantity);
        return 5;
    }

    /// <summary>
    /// Response of 0x2B/0x0E with as many objects, from <paramref name="objects"/> in id order, as fit the 253-byte PDU;
    /// sets "more follows" and the next object id when they do not all fit.
    /// </summary>
    public static int DeviceIdentification(Span<byte> pdu, DeviceIdCode code, byte conformity, IReadOnlyList<KeyValuePair<byte, string>> objects)
    {
        pdu[0] = (byte)FunctionCode.EncapsulatedInterface;
        pdu[1] = ModbusLimits.ReadDeviceIdentificationMei;
        pdu[2] = (byte)code;
        pdu[3] = conformity;
        pdu[4] = 0x00;
        pdu[5] = 0x00;
        var offset = 7;
        var written = 0;
        foreach (var (id, text) in objects)
        {
            var length = Encoding.Latin1.GetByteCount(text);
            if (offset + 2 + length > ModbusLimits.MaxPduLength)
            {
                pdu[4] = 0xFF;
                pdu[5] = id;
                break;
            }

            pdu[offset] = id;
            pdu[offset + 1] = (byte)length;
            Encoding.Latin1.GetBytes(text, pdu[(offset + 2)..]);
            offset += 2 + length;
            written++;
        }

        pdu[6] = (byte)written;
        return offset;
    }
}
