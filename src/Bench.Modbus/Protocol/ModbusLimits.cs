namespace Bench.Modbus.Protocol;

/// <summary>Quantity and size limits of the Modbus specification (shared/protocols/modbus.md §1).</summary>
public static class ModbusLimits
{
    /// <summary>256-byte RS-485 ADU minus address and CRC.</summary>
    public const int MaxPduLength = 253;

    public const int MaxReadBits = 2000;

    public const int MaxReadRegisters = 125;

    public const int MaxWriteCoils = 1968;

    public const int MaxWriteRegisters = 123;

    /// <summary>Write part of function 0x17.</summary>
    public const int MaxReadWriteWriteRegisters = 121;

    /// <summary>MEI type of Read Device Identification inside function 0x2B.</summary>
    public const byte ReadDeviceIdentificationMei = 0x0E;
}
