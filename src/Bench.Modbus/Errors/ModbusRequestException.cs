using Bench.Modbus.Protocol;

namespace Bench.Modbus.Errors;

/// <summary>Raised on the server side when a request must be answered with an exception response.</summary>
public sealed class ModbusRequestException : ModbusException
{
    public ModbusRequestException(ExceptionCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public ExceptionCode Code { get; }
}
