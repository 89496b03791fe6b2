using System.Buffers.Binary;
using System.Text;

using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>
/// Client side: checks a response PDU against its request and extracts the values. An exception response throws
/// <see cref="ModbusServerException"/>; anything that disagrees with the request throws <see cref="ModbusFrameException"/>.
/// </summary>
public static class ResponseReader
{
    public static void ThrowIfException(ReadOnlySpan<byte> pdu, FunctionCode expected)
    {
        if (pdu.Length == 0)
        {
            throw new ModbusFrameException("empty response PDU");
        }

        if (pdu[0] == ((byte)expected | 0x80))
        {
            if (pdu.Length != 2)
            {
                throw new ModbusFrameException($"exception response of {pdu.Length} bytes, expected 2");
            }

            throw new ModbusServerException(expected, (ExceptionCode)pdu[1]);
        }

        if (pdu[0] != (byte)expected)
        {
            throw new ModbusFrameException($"response to function {(byte)expected:X2} carries function {pdu[0]:X2}");
        }
    }

    public static void Registers(ReadOnlySpan<byte> pdu, FunctionCode function, Span<ushort> values)
    {
        ThrowIfException(pdu, function);
        if (pdu.Length < 2 || pdu[1] != 2 * values.Length || pdu.Length != 2 + (2 * values.Length))
        {
            throw new ModbusFrameException($"register response of {pdu.Length} bytes does not carry the {values.Length} registers asked for");
        }

        for (var k = 0; k < values.Length; k++)
        {
            values[k] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(2 + (2 * k))..]);
        }
    }

    public static void Bits(ReadOnlySpan<byte> pdu, FunctionCode function, Span<bool> values)
    {
        ThrowIfException(pdu, function);
        var bytes = BitPacking.ByteCount(values.Length);
        if (pdu.Length < 2 || pdu[1] != bytes || pdu.Length != 2 + bytes)
        {
            throw new ModbusFrameException($"bit response of {pdu.Length} bytes does not carry the {values.Length} bits asked for");
        }

        BitPacking.Unpack(pdu[2..], values);
    }

    /// <summary>0x05/0x06 echo the request; 0x0F/0x10 answer <c>fc addr qty</c>, which are the first five request bytes.</summary>
    public static void Acknowledgement(ReadOnlySpan<byte> pdu, ReadOnlySpan<byte> requestPdu)
    {
        ThrowIfException(pdu, (FunctionCode)requestPdu[0]);
        if (pdu.Length != 5 || !pdu.SequenceEqual(requestPdu[..5]))
        {
            throw new ModbusFrameException($"write acknowledgement {Convert.ToHexString(pdu)} does not match the request");
        }
    }

    public static DeviceIdentification DeviceIdentification(ReadOnlySpan<byte> pdu, ReadDeviceIdentificationRequest request)
    {
        ThrowIfException(pdu, FunctionCode.EncapsulatedInterface);
        if (pdu.Length < 7 || pdu[1] != ModbusLimits.ReadDeviceIdentificationMei || pdu[2] != (byte)request.Code)
        {
            throw new ModbusFrameException("malformed device identification header");
        }

        var objects = new Dictionary<byte, string>();
        var offset = 7;
        for (var k = 0; k < pdu[6]; k++)
        {
            if (offset + 2 > pdu.Length || offset + 2 + pdu[offset + 1] > pdu.Length)
            {
                throw new ModbusFrameException("device identification object runs past the end of the PDU");
            }

            var length = pdu[offset + 1];
            objects[pdu[offset]] = Encoding.Latin1.GetString(pdu.Slice(offset + 2, length));
            offset += 2 + length;
        }

        if (offset != pdu.Length)
        {
            throw new ModbusFrameException("bytes after the last device identification object");
        }

        return new DeviceIdentification(request.Code, pdu[3], pdu[4] == 0xFF, pdu[5], objects);
    }
}
