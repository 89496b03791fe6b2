using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;

namespace Bench.Modbus.Server;

/// <summary>
/// Dispatches requests by unit id, as a gateway does (a PM8000 serves itself and up to 31 serial devices behind it).
/// Units without a route go to <see cref="Fallback"/> (e.g. a <see cref="ModbusGateway"/> onto the serial side); with no
/// fallback they are answered with exception 0A (gateway path unavailable) when <see cref="AnswerUnknownUnits"/> is set,
/// otherwise ignored, as a device on a serial bus ignores frames for other addresses. Unit 0, when not routed itself,
/// is a broadcast to every routed device and the fallback, answered by none.
/// </summary>
public sealed class UnitRouter : IModbusRequestHandler
{
    private readonly Dictionary<byte, IModbusRequestHandler> _routes = [];

    public bool AnswerUnknownUnits { get; init; } = true;

    public IModbusRequestHandler? Fallback { get; init; }

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

        if (unitId == 0)
        {
            return BroadcastAsync(requestPdu, responsePdu, cancellationToken);
        }

        if (Fallback is not null)
        {
            return Fallback.HandleAsync(unitId, requestPdu, responsePdu, cancellationToken);
        }

        if (!AnswerUnknownUnits || requestPdu.Length == 0)
        {
            return ValueTask.FromResult(0);
        }

        return ValueTask.FromResult(ResponseWriter.Exception(responsePdu.Span, (FunctionCode)requestPdu.Span[0], ExceptionCode.GatewayPathUnavailable));
    }

    private async ValueTask<int> BroadcastAsync(ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken)
    {
        foreach (var (unit, handler) in _routes)
        {
            await handler.HandleAsync(unit, requestPdu, responsePdu, cancellationToken).ConfigureAwait(false);
        }

        if (Fallback is not null)
        {
            await Fallback.HandleAsync(0, requestPdu, responsePdu, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
