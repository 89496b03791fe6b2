namespace Bench.Modbus.Errors;

/// <summary>Base of every failure the Modbus stack reports; drivers translate it into an instrument fault.</summary>
public abstract class ModbusException : Exception
{
    protected ModbusException(string message)
        : base(message)
    {
    }

    protected ModbusException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
