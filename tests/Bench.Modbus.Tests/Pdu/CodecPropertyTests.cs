using Bench.Modbus.Data;
using Bench.Modbus.Framing;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Tests.Pdu;

/// <summary>Round trips over random inputs (FsCheck): encoders and decoders are each other's inverse.</summary>
public sealed class CodecPropertyTests
{
    private static readonly WordOrder[] Orders = Enum.GetValues<WordOrder>();

    [FsCheck.NUnit.Property]
    public bool Int64_round_trips_in_every_order(long value, byte order)
    {
        var o = Orders[order % Orders.Length];
        var r = new ushort[4];
        RegisterValues.FromInt64(value, o, r);
        return RegisterValues.ToInt64(r, o) == value;
    }

    [FsCheck.NUnit.Property]
    public bool Float32_bits_round_trip_in_every_order(uint bits, byte order)
    {
        var o = Orders[order % Orders.Length];
        var r = new ushort[2];
        RegisterValues.FromFloat32(BitConverter.UInt32BitsToSingle(bits), o, r);
        return BitConverter.SingleToUInt32Bits(RegisterValues.ToFloat32(r, o)) == bits;
    }

    [FsCheck.NUnit.Property]
    public bool Write_multiple_registers_request_parses_back(ushort address, ushort[] values)
    {
        if (values is null || values.Length is 0 or > ModbusLimits.MaxWriteRegisters)
        {
            return true;
        }

        var pdu = new byte[ModbusLimits.MaxPduLength];
        var n = new WriteMultipleRegistersRequest(address, values).Encode(pdu);
        var parsed = (WriteMultipleRegistersRequest)RequestParser.Parse(pdu.AsSpan(0, n));
        return parsed.Address == address && parsed.Values.SequenceEqual(values);
    }

    [FsCheck.NUnit.Property]
    public bool Write_multiple_coils_request_parses_back(ushort address, bool[] values)
    {
        if (values is null || values.Length is 0 or > ModbusLimits.MaxWriteCoils)
        {
            return true;
        }

        var pdu = new byte[ModbusLimits.MaxPduLength];
        var n = new WriteMultipleCoilsRequest(address, values).Encode(pdu);
        var parsed = (WriteMultipleCoilsRequest)RequestParser.Parse(pdu.AsSpan(0, n));
        return parsed.Address == address && parsed.Values.SequenceEqual(values);
    }

    [FsCheck.NUnit.Property]
    public bool Register_response_reads_back(ushort[] values)
    {
        if (values is null || values.Length is 0 or > ModbusLimits.MaxReadRegisters)
        {
            return true;
        }

        var pdu = new byte[ModbusLimits.MaxPduLength];
        var n = ResponseWriter.Registers(pdu, FunctionCode.ReadHoldingRegisters, values);
        var read = new ushort[values.Length];
        ResponseReader.Registers(pdu.AsSpan(0, n), FunctionCode.ReadHoldingRegisters, read);
        return read.SequenceEqual(values);
    }

    [FsCheck.NUnit.Property]
    public bool Rtu_frames_carry_a_valid_crc_and_a_flipped_bit_breaks_it(byte address, byte[] pdu, int flip)
    {
        if (pdu is null || pdu.Length is 0 or > ModbusLimits.MaxPduLength)
        {
            return true;
        }

        var adu = new byte[RtuFrame.MaxAduLength];
        var n = RtuFrame.Write(adu, address, pdu);
        var valid = Crc16Modbus.IsValid(adu.AsSpan(0, n));
        var bit = (int)((uint)flip % (uint)(n * 8));
        adu[bit / 8] ^= (byte)(1 << (bit % 8));

        // CRC-16 detects every single-bit error.
        return valid && !Crc16Modbus.IsValid(adu.AsSpan(0, n));
    }
}
