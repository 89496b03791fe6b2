using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;

namespace Bench.Sim.Meter;

/// <summary>
/// Wraps a device with the misbehaviour of a real one on a busy network: a reply latency, replies that never come,
/// and "server busy" exceptions, drawn from a seeded generator so a failing run repeats.
/// </summary>
public sealed class FaultInjectingHandler : IModbusRequestHandler
{
    private readonly IModbusRequestHandler _inner;
    private readonly SimulatedMeterOptions _options;
    private readonly Random _dice;
    private readonly Lock _gate = new();

    public FaultInjectingHandler(IModbusRequestHandler inner, SimulatedMeterOptions options)
    {
        _inner = inner;
        _options = options;
        _dice = new Random(options.Seed);
    }

    public async ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken)
    {
        double drop, busy;
        lock (_gate)
        {
            drop = _dice.NextDouble();
            busy = _dice.NextDouble();
        }

        if (_options.ResponseLatency > TimeSpan.Zero)
        {
            await Task.Delay(_options.ResponseLatency, cancellationToken).ConfigureAwait(false);
        }

        if (drop < _options.DropReplyProbability)
        {
            return 0;
        }

        if (busy < _options.BusyExceptionProbability && requestPdu.Length > 0)
        {
            return ResponseWriter.Exception(responsePdu.Span, (FunctionCode)requestPdu.Span[0], ExceptionCode.ServerDeviceBusy);
        }

        return await _inner.HandleAsync(unitId, requestPdu, responsePdu, cancellationToken).ConfigureAwait(false);
    }
}
