using System.Globalization;

using Bench.Modbus.Protocol;

namespace Bench.Modbus.Errors;

/// <summary>The server answered with an exception response (function | 0x80, code). Never retried.</summary>
public sealed class ModbusServerException : ModbusException
{
    public ModbusServerException(FunctionCode function, ExceptionCode code)
        : base(string.Create(CultureInfo.InvariantCulture, $"exception {(byte)code:X2} ({code}) to function {(byte)function:X2}"))
    {
        Function = function;
        Code = code;
    }

    public FunctionCode Function { get; }

    public ExceptionCode Code { get; }
}
