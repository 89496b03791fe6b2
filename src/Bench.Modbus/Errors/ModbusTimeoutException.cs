namespace Bench.Modbus.Errors;

/// <summary>No (complete) reply within the timeout, after every retry.</summary>
public sealed class ModbusTimeoutException : ModbusException
{
    public ModbusTimeoutException(string message)
        : base(message)
    {
    }
}
