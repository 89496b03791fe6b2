using System.Buffers.Binary;

using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Pdu;

/// <summary>
/// Server side: turns a request PDU into its request type. Problems become <see cref="ModbusRequestException"/>
/// carrying the exception code the server must answer with (unknown function 01, bad quantity or byte count 03).
/// </summary>
public static class RequestParser
{
    public static IModbusRequest Parse(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length == 0)
        {
            throw new ModbusRequestException(ExceptionCode.IllegalFunction, "empty PDU");
        }

        var function = (FunctionCode)pdu[0];
        switch (function)
        {
            case FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs:
                {
                    RequireLength(pdu, 5);
                    var count = U16(pdu, 3);
                    RequireQuantity(count, ModbusLimits.MaxReadBits);
                    return new ReadBitsRequest(function, U16(pdu, 1), count);
                }

            case FunctionCode.ReadHoldingRegisters or FunctionCode.ReadInputRegisters:
                {
                    RequireLength(pdu, 5);
                    var count = U16(pdu, 3);
                    RequireQuantity(count, ModbusLimits.MaxReadRegisters);
                    return new ReadRegistersRequest(function, U16(pdu, 1), count);
                }

            case FunctionCode.WriteSingleCoil:
                {
                    RequireLength(pdu, 5);
                    var value = U16(pdu, 3);
                    if (value is not (WriteSingleCoilRequest.On or 0))
                    {
                        throw new ModbusRequestException(ExceptionCode.IllegalDataValue, "coil value must be FF00 or 0000");
                    }

                    return new WriteSingleCoilRequest(U16(pdu, 1), value == WriteSingleCoilRequest.On);
                }

            case FunctionCode.WriteSingleRegister:
                RequireLength(pdu, 5);
                return new WriteSingleRegisterRequest(U16(pdu, 1), U16(pdu, 3));

            case FunctionCode.WriteMultipleCoils:
                {
                    RequireLength(pdu, 6);
                    var count = U16(pdu, 3);
                    RequireQuantity(count, ModbusLimits.MaxWriteCoils);
                    var bytes = BitPacking.ByteCount(count);
                    if (pdu[5] != bytes || pdu.Length != 6 + bytes)
                    {
                        throw new ModbusRequestException(ExceptionCode.IllegalDataValue, "byte count disagrees with quantity");
                    }

                    var values = new bool[count];
                    BitPacking.Unpack(pdu[6..], values);
                    return new WriteMultipleCoilsRequest(U16(pdu, 1), values);
                }

            case FunctionCode.WriteMultipleRegisters:
                {
                    RequireLength(pdu, 6);
                    var count = U16(pdu, 3);
                    RequireQuantity(count, ModbusLimits.MaxWriteRegisters);
                    if (pdu[5] != 2 * count || pdu.Length != 6 + (2 * count))
                    {
                        throw new ModbusRequestException(ExceptionCode.IllegalDataValue, "byte count disagrees with quantity");
                    }

                    return new WriteMultipleRegistersRequest(U16(pdu, 1), Registers(pdu[6..], count));
                }

            case FunctionCode.ReadWriteMultipleRegisters:
                {
                    RequireLength(pdu, 10);
                    var readCount = U16(pdu, 3);
                    var writeCount = U16(pdu, 7);
                    RequireQuantity(readCount, ModbusLimits.MaxReadRegisters);
                    RequireQuantity(writeCount, ModbusLimits.MaxReadWriteWriteRegisters);
                    if (pdu[9] != 2 * writeCount || pdu.Length != 10 + (2 * writeCount))
                    {
                        throw new ModbusRequestException(ExceptionCode.IllegalDataValue, "byte count disagrees with quantity");
                    }

                    return new ReadWriteMultipleRegistersRequest(U16(pdu, 1), readCount, U16(pdu, 5), Registers(pdu[10..], writeCount));
                }

            case FunctionCode.EncapsulatedInterface:
                {
                    RequireLength(pdu, 4);
                    if (pdu[1] != ModbusLimits.ReadDeviceIdentificationMei)
                    {
                        throw new ModbusRequestException(ExceptionCode.IllegalFunction, "only MEI type 0x0E is supported");
                    }

                    var code = (DeviceIdCode)pdu[2];
                    if (code is < DeviceIdCode.Basic or > DeviceIdCode.Specific)
                    {
                        throw new ModbusRequestException(ExceptionCode.IllegalDataValue, "read device id code must be 1–4");
                    }

                    return new ReadDeviceIdentificationRequest(code, pdu[3]);
                }

            default:
                throw new ModbusRequestException(ExceptionCode.IllegalFunction, $"function {pdu[0]:X2} not supported");
        }
    }

    private static ushort U16(ReadOnlySpan<byte> pdu, int offset) => BinaryPrimitives.ReadUInt16BigEndian(pdu[offset..]);

    private static ushort[] Registers(ReadOnlySpan<byte> data, int count)
    {
        var values = new ushort[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = BinaryPrimitives.ReadUInt16BigEndian(data[(2 * k)..]);
        }

        return values;
    }

    private static void RequireLength(ReadOnlySpan<byte> pdu, int length)
    {
        if (pdu.Length < length)
        {
            throw new ModbusRequestException(ExceptionCode.IllegalDataValue, "request PDU too short");
        }
    }

    private static void RequireQuantity(int count, int max)
    {
        if (count < 1 || count > max)
        {
            throw new ModbusRequestException(ExceptionCode.IllegalDataValue, $"quantity {count} outside 1–{max}");
        }
    }
}
