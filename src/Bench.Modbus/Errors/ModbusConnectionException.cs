namespace Bench.Modbus.Errors;

/// <summary>The link itself failed: connection refused or closed, serial port gone.</summary>
public sealed class ModbusConnectionException : ModbusException
{
    public ModbusConnectionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ModbusConnectionException(string message)
        : base(message)
    {
    }
}
