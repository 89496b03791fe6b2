namespace Bench.Modbus.Server;

/// <summary>
/// Answers one request PDU addressed to a unit. Returns the response PDU length, or 0 to send nothing (a dropped reply,
/// a broadcast, a unit nobody answers for). Handlers compose: routing, fault injection, gateways, devices.
/// </summary>
public interface IModbusRequestHandler
{
    ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken);
}
