using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Transport;

namespace Bench.Modbus.Server;

/// <summary>
/// A TCP-to-serial gateway (Link150, EGX, a PM8000 in gateway mode): forwards the PDU unchanged to the same unit id on
/// the downstream line and relays the answer. A device that stays silent or answers garbage is reported with exception
/// 0B (gateway target failed to respond); a downstream line that is gone with 0A (path unavailable).
/// </summary>
public sealed class ModbusGateway : IModbusRequestHandler
{
    private readonly IModbusTransport _downstream;
    private readonly TimeSpan _timeout;

    public ModbusGateway(IModbusTransport downstream, TimeSpan timeout)
    {
        _downstream = downstream;
        _timeout = timeout;
    }

    public async ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken)
    {
        var function = requestPdu.Length > 0 ? (FunctionCode)requestPdu.Span[0] : 0;
        try
        {
            return await _downstream.ExchangeAsync(unitId, requestPdu, responsePdu, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ModbusTimeoutException or ModbusFrameException)
        {
            return ResponseWriter.Exception(responsePdu.Span, function, ExceptionCode.GatewayTargetFailedToRespond);
        }
        catch (ModbusConnectionException)
        {
            return ResponseWriter.Exception(responsePdu.Span, function, ExceptionCode.GatewayPathUnavailable);
        }
    }
}
