using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Server;

/// <summary>
/// Dispatches requests by unit id, as a gateway does (a PM8000 serves itself and up to 31 serial devices behind it).
/// A unit with no route is answered with exception 0A (gateway path unavailable) when <see cref="AnswerUnknownUnits"/>
/// is set, otherwise ignored, as a plain device ignores frames for other addresses.
/// </summary>
public sealed class UnitRouter : IModbusRequestHandler
{
    private readonly Dictionary<byte, IModbusRequestHandler> _routes = [];

    public bool AnswerUnknownUnits { get; init; } = true;

    public UnitRouter Add(byte unitId, IModbusRequestHandler handler)
    {
        _routes[unitId] = handler;
        return this;
    }

    public ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken)
    {
        if (_routes.TryGetValue(unitId, out var handler))
        {
            return handler.HandleAsync(unitId, requestPdu, responsePdu, cancellationToken);
        }

        if (!AnswerUnknownUnits || requestPdu.Length == 0)
        {
            return ValueTask.FromResult(0);
        }

        return ValueTask.FromResult(ResponseWriter.Exception(responsePdu.Span, (FunctionCode)requestPdu.Span[0], ExceptionCode.GatewayPathUnavailable));
    }
}
