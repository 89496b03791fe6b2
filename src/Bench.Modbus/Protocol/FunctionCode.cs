namespace Bench.Modbus.Protocol;

/// <summary>The Modbus function codes Bench speaks (Modbus Application Protocol V1.1b3 §6).</summary>
public enum FunctionCode : byte
{
    ReadCoils = 0x01,
    ReadDiscreteInputs = 0x02,
    ReadHoldingRegisters = 0x03,
    ReadInputRegisters = 0x04,
    WriteSingleCoil = 0x05,
    WriteSingleRegister = 0x06,
    WriteMultipleCoils = 0x0F,
    WriteMultipleRegisters = 0x10,
    ReadWriteMultipleRegisters = 0x17,
    EncapsulatedInterface = 0x2B,
}
