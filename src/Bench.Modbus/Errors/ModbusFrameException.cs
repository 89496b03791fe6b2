namespace Bench.Modbus.Errors;

/// <summary>A reply that does not parse: wrong CRC, wrong length, wrong function, byte count that disagrees with the request.</summary>
public sealed class ModbusFrameException : ModbusException
{
    public ModbusFrameException(string message)
        : base(message)
    {
    }

    public ModbusFrameException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
