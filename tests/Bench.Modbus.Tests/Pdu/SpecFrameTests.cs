using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;

namespace Bench.Modbus.Tests.Pdu;

/// <summary>
/// Requests and responses byte for byte against the example frames of the Modbus Application Protocol V1.1b3 §6,
/// as copied in shared/protocols/modbus.md §2.
/// </summary>
public sealed class SpecFrameTests
{
    private static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", string.Empty, StringComparison.Ordinal));

    private static string Encode(IModbusRequest request)
    {
        var pdu = new byte[ModbusLimits.MaxPduLength];
        var n = request.Encode(pdu);
        Assert.That(n, Is.EqualTo(request.EncodedLength));
        return Convert.ToHexString(pdu, 0, n);
    }

    [Test]
    public void Requests_encode_as_in_the_specification()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Encode(new ReadBitsRequest(FunctionCode.ReadCoils, 0x13, 0x13)), Is.EqualTo("0100130013"));
            Assert.That(Encode(new ReadBitsRequest(FunctionCode.ReadDiscreteInputs, 0xC4, 0x16)), Is.EqualTo("0200C40016"));
            Assert.That(Encode(new ReadRegistersRequest(FunctionCode.ReadHoldingRegisters, 0x6B, 3)), Is.EqualTo("03006B0003"));
            Assert.That(Encode(new ReadRegistersRequest(FunctionCode.ReadInputRegisters, 0x08, 1)), Is.EqualTo("0400080001"));
            Assert.That(Encode(new WriteSingleCoilRequest(0xAC, true)), Is.EqualTo("0500ACFF00"));
            Assert.That(Encode(new WriteSingleRegisterRequest(0x01, 3)), Is.EqualTo("0600010003"));
            Assert.That(
                Encode(new WriteMultipleCoilsRequest(0x13, [true, false, true, true, false, false, true, true, true, false])),
                Is.EqualTo("0F0013000A02CD01"));
            Assert.That(Encode(new WriteMultipleRegistersRequest(0x01, [0x000A, 0x0102])), Is.EqualTo("100001000204000A0102"));
            Assert.That(
                Encode(new ReadWriteMultipleRegistersRequest(0x03, 6, 0x0E, [0x00FF, 0x00FF, 0x00FF])),
                Is.EqualTo("1700030006000E00030600FF00FF00FF"));
            Assert.That(Encode(new ReadDeviceIdentificationRequest(DeviceIdCode.Basic, 0)), Is.EqualTo("2B0E0100"));
        });
    }

    [Test]
    public void Responses_decode_as_in_the_specification()
    {
        var registers = new ushort[3];
        ResponseReader.Registers(Hex("03 06 02 2B 00 00 00 64"), FunctionCode.ReadHoldingRegisters, registers);
        var input = new ushort[1];
        ResponseReader.Registers(Hex("04 02 00 0A"), FunctionCode.ReadInputRegisters, input);
        var coils = new bool[19];
        ResponseReader.Bits(Hex("01 03 CD 6B 05"), FunctionCode.ReadCoils, coils);
        var rw = new ushort[6];
        ResponseReader.Registers(Hex("17 0C 00 FE 0A CD 00 01 00 03 00 0D 00 FF"), FunctionCode.ReadWriteMultipleRegisters, rw);
        var inputs = new bool[22];
        ResponseReader.Bits(Hex("02 03 AC DB 35"), FunctionCode.ReadDiscreteInputs, inputs);

        Assert.Multiple(() =>
        {
            Assert.That(registers, Is.EqualTo(new ushort[] { 555, 0, 100 }));
            Assert.That(input, Is.EqualTo(new ushort[] { 10 }));

            // CD = 1100 1101: coils 20..27 = 1,0,1,1,0,0,1,1 (LSB first), spec §6.1.
            Assert.That(coils[..8], Is.EqualTo(new[] { true, false, true, true, false, false, true, true }));
            Assert.That(coils[16..], Is.EqualTo(new[] { true, false, true }));
            Assert.That(rw, Is.EqualTo(new ushort[] { 0x00FE, 0x0ACD, 0x0001, 0x0003, 0x000D, 0x00FF }));

            // AC = 1010 1100, DB = 1101 1011, 35 = 0011 0101 (6 of its bits used): inputs 197.. LSB first, spec §6.2.
            Assert.That(inputs[..8], Is.EqualTo(new[] { false, false, true, true, false, true, false, true }));
            Assert.That(inputs[8..16], Is.EqualTo(new[] { true, true, false, true, true, false, true, true }));
            Assert.That(inputs[16..], Is.EqualTo(new[] { true, false, true, false, true, true }));
        });
        Assert.DoesNotThrow(() => ResponseReader.Acknowledgement(Hex("06 00 01 00 03"), Hex("06 00 01 00 03")));
        Assert.DoesNotThrow(() => ResponseReader.Acknowledgement(Hex("05 00 AC FF 00"), Hex("05 00 AC FF 00")));
        Assert.DoesNotThrow(() => ResponseReader.Acknowledgement(Hex("10 00 01 00 02"), Hex("10 00 01 00 02 04 00 0A 01 02")));
        Assert.DoesNotThrow(() => ResponseReader.Acknowledgement(Hex("0F 00 13 00 0A"), Hex("0F 00 13 00 0A 02 CD 01")));
    }

    [Test]
    public void Exception_response_83_02_is_an_illegal_data_address()
    {
        var e = Assert.Throws<ModbusServerException>(() => ResponseReader.Registers(Hex("83 02"), FunctionCode.ReadHoldingRegisters, new ushort[3]));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Code, Is.EqualTo(ExceptionCode.IllegalDataAddress));
            Assert.That(e.Function, Is.EqualTo(FunctionCode.ReadHoldingRegisters));
        });
    }

    [Test]
    public void A_server_answers_the_specification_requests_with_the_specification_responses()
    {
        var bank = new RegisterBank();
        bank.DefineHolding(0, 200);
        bank.DefineInput(0, 20);
        bank.DefineCoils(0, 200);
        bank.Holding[0x6B] = 0x022B;
        bank.Holding[0x6D] = 0x0064;
        bank.Input[0x08] = 0x000A;
        bool[] coils = [true, false, true, true, false, false, true, true, true, true, false, true, false, true, true, false, true, false, true];
        coils.CopyTo(bank.Coils[0x13..]);
        bank.DefineDiscreteInputs(0, 230);
        byte[] inputBytes = [0xAC, 0xDB, 0x35];
        for (var k = 0; k < 22; k++)
        {
            bank.DiscreteInputs[0xC4 + k] = (inputBytes[k / 8] & (1 << (k % 8))) != 0;
        }

        // 0x17 reads registers 4-9 (address 3) as they were before it writes 15-17 (address 0x0E).
        ushort[] readBack = [0x00FE, 0x0ACD, 0x0001, 0x0003, 0x000D, 0x00FF];
        readBack.CopyTo(bank.Holding[3..]);
        var device = new ModbusDevice(bank);

        string Answer(string request)
        {
            var response = new byte[ModbusLimits.MaxPduLength];
            var n = device.Handle(Hex(request), response);
            return Convert.ToHexString(response, 0, n);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Answer("03 00 6B 00 03"), Is.EqualTo("0306022B00000064"));
            Assert.That(Answer("04 00 08 00 01"), Is.EqualTo("0402000A"));
            Assert.That(Answer("01 00 13 00 13"), Is.EqualTo("0103CD6B05"));
            Assert.That(Answer("05 00 AC FF 00"), Is.EqualTo("0500ACFF00"));
            Assert.That(Answer("06 00 01 00 03"), Is.EqualTo("0600010003"));
            Assert.That(Answer("0F 00 13 00 0A 02 CD 01"), Is.EqualTo("0F0013000A"));
            Assert.That(Answer("10 00 01 00 02 04 00 0A 01 02"), Is.EqualTo("1000010002"));
            Assert.That(Answer("02 00 C4 00 16"), Is.EqualTo("0203ACDB35"));
            Assert.That(Answer("17 00 03 00 06 00 0E 00 03 06 00 FF 00 FF 00 FF"), Is.EqualTo("170C00FE0ACD00010003000D00FF"));
            Assert.That(bank.Holding[0x0E..0x11].ToArray(), Is.EqualTo(new ushort[] { 0x00FF, 0x00FF, 0x00FF }), "0x17 wrote registers 15-17");
            Assert.That(Answer("03 01 00 00 10"), Is.EqualTo("8302"), "block past the defined range");
            Assert.That(Answer("03 00 00 00 7E"), Is.EqualTo("8303"), "126 registers exceed the limit of 125");
            Assert.That(Answer("05 00 AC 12 34"), Is.EqualTo("8503"), "coil value other than FF00/0000");
            Assert.That(Answer("41 00 00"), Is.EqualTo("C101"), "unknown function");
            Assert.That(Answer("2B 0E 01 00"), Is.EqualTo("AB01"), "no identification objects");
        });
    }
}
