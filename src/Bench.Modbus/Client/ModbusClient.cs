using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Transport;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Modbus.Client;

/// <summary>
/// A Modbus master over any transport: one method per function code, addresses 0-based as on the wire.
/// Retries timeouts and garbled replies (<see cref="ModbusClientOptions.Retries"/>), never exception responses.
/// Request and response PDUs are logged at Debug level as the transcript.
/// </summary>
public sealed class ModbusClient : IAsyncDisposable
{
    private readonly IModbusTransport _transport;
    private readonly ModbusClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _request = new byte[ModbusLimits.MaxPduLength];
    private readonly byte[] _response = new byte[ModbusLimits.MaxPduLength];

    public ModbusClient(IModbusTransport transport, ModbusClientOptions? options = null, ILogger? logger = null)
    {
        _transport = transport;
        _options = options ?? new ModbusClientOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    public string Resource => _transport.Resource;

    public async Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken)
    {
        var values = new ushort[count];
        await ReadRegistersAsync(FunctionCode.ReadHoldingRegisters, unitId, address, values, cancellationToken).ConfigureAwait(false);
        return values;
    }

    public async Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken)
    {
        var values = new ushort[count];
        await ReadRegistersAsync(FunctionCode.ReadInputRegisters, unitId, address, values, cancellationToken).ConfigureAwait(false);
        return values;
    }

    /// <summary>Reads <c>destination.Length</c> registers with 0x03 or 0x04 into a caller's buffer (no allocation per call).</summary>
    public async Task ReadRegistersAsync(FunctionCode function, byte unitId, ushort address, Memory<ushort> destination, CancellationToken cancellationToken)
    {
        var request = new ReadRegistersRequest(function, address, (ushort)destination.Length);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var length = await ExchangeAsync(unitId, request, cancellationToken).ConfigureAwait(false);
            ResponseReader.Registers(_response.AsSpan(0, length), function, destination.Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<bool[]> ReadCoilsAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken) =>
        ReadBitsAsync(FunctionCode.ReadCoils, unitId, address, count, cancellationToken);

    public Task<bool[]> ReadDiscreteInputsAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken) =>
        ReadBitsAsync(FunctionCode.ReadDiscreteInputs, unitId, address, count, cancellationToken);

    public Task WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken cancellationToken) =>
        WriteAsync(unitId, new WriteSingleCoilRequest(address, value), cancellationToken);

    public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken) =>
        WriteAsync(unitId, new WriteSingleRegisterRequest(address, value), cancellationToken);

    public Task WriteMultipleCoilsAsync(byte unitId, ushort address, IReadOnlyList<bool> values, CancellationToken cancellationToken) =>
        WriteAsync(unitId, new WriteMultipleCoilsRequest(address, values), cancellationToken);

    public Task WriteMultipleRegistersAsync(byte unitId, ushort address, IReadOnlyList<ushort> values, CancellationToken cancellationToken) =>
        WriteAsync(unitId, new WriteMultipleRegistersRequest(address, values), cancellationToken);

    /// <summary>Function 0x17: writes <paramref name="values"/> at <paramref name="writeAddress"/>, then reads.</summary>
    public async Task<ushort[]> ReadWriteMultipleRegistersAsync(byte unitId, ushort readAddress, ushort readCount, ushort writeAddress, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
    {
        var request = new ReadWriteMultipleRegistersRequest(readAddress, readCount, writeAddress, values);
        var result = new ushort[readCount];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var length = await ExchangeAsync(unitId, request, cancellationToken).ConfigureAwait(false);
            ResponseReader.Registers(_response.AsSpan(0, length), FunctionCode.ReadWriteMultipleRegisters, result);
        }
        finally
        {
            _gate.Release();
        }

        return result;
    }

    /// <summary>Function 0x2B/0x0E: reads a whole stream, following "more follows" until the server has sent every object.</summary>
    public async Task<IReadOnlyDictionary<byte, string>> ReadDeviceIdentificationAsync(byte unitId, DeviceIdCode code, CancellationToken cancellationToken)
    {
        var objects = new SortedDictionary<byte, string>();
        byte next = 0;
        for (var round = 0; round < 256; round++)
        {
            var request = new ReadDeviceIdentificationRequest(code, next);
            DeviceIdentification part;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var length = await ExchangeAsync(unitId, request, cancellationToken).ConfigureAwait(false);
                part = ResponseReader.DeviceIdentification(_response.AsSpan(0, length), request);
            }
            finally
            {
                _gate.Release();
            }

            foreach (var (id, value) in part.Objects)
            {
                objects[id] = value;
            }

            if (!part.MoreFollows || code == DeviceIdCode.Specific)
            {
                return objects;
            }

            if (part.NextObjectId <= next)
            {
                throw new ModbusFrameException($"{Resource}: device identification does not advance past object {next:X2}");
            }

            next = part.NextObjectId;
        }

        throw new ModbusFrameException($"{Resource}: device identification never ends");
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return _transport.DisposeAsync();
    }

    private async Task<bool[]> ReadBitsAsync(FunctionCode function, byte unitId, ushort address, ushort count, CancellationToken cancellationToken)
    {
        var request = new ReadBitsRequest(function, address, count);
        var values = new bool[count];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var length = await ExchangeAsync(unitId, request, cancellationToken).ConfigureAwait(false);
            ResponseReader.Bits(_response.AsSpan(0, length), function, values);
        }
        finally
        {
            _gate.Release();
        }

        return values;
    }

    private async Task WriteAsync(byte unitId, IModbusRequest request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var length = await ExchangeAsync(unitId, request, cancellationToken).ConfigureAwait(false);
            if (length == 0 && unitId == 0)
            {
                return; // broadcast: nobody answers
            }

            ResponseReader.Acknowledgement(_response.AsSpan(0, length), _request.AsSpan(0, request.EncodedLength));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Encodes into the shared request buffer and exchanges with retries; the caller holds the gate.</summary>
    private async Task<int> ExchangeAsync(byte unitId, IModbusRequest request, CancellationToken cancellationToken)
    {
        var requestLength = request.Encode(_request);
        var requestPdu = _request.AsMemory(0, requestLength);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.LogDebug("{Resource} unit {Unit} → {Pdu}", Resource, unitId, Convert.ToHexString(requestPdu.Span));
                }

                var length = await _transport.ExchangeAsync(unitId, requestPdu, _response, _options.Timeout, cancellationToken).ConfigureAwait(false);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.LogDebug("{Resource} unit {Unit} ← {Pdu}", Resource, unitId, Convert.ToHexString(_response, 0, length));
                }

                return length;
            }
            catch (ModbusException e) when (e is ModbusTimeoutException or ModbusFrameException or ModbusConnectionException && attempt < _options.Retries)
            {
                _logger.LogDebug("{Resource} unit {Unit}: attempt {Attempt} failed: {Reason}", Resource, unitId, attempt + 1, e.Message);
            }
        }
    }
}
