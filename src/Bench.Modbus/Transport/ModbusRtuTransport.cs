using System.Diagnostics;
using System.Globalization;
using System.IO.Ports;

using Bench.Modbus.Errors;
using Bench.Modbus.Framing;

namespace Bench.Modbus.Transport;

/// <summary>
/// Modbus RTU master over a serial line (or any byte stream, e.g. a pseudo-terminal in tests): address + PDU + CRC,
/// at least t3.5 of silence before each request, the reply framed by the length its function code implies and checked
/// by CRC and address; input left over from a timed-out exchange is discarded before each request. Broadcasts (unit 0)
/// get no reply. The 1.5-character limit inside a frame is not enforced: a
/// user-space process cannot time sub-millisecond gaps reliably (libmodbus does not either).
/// </summary>
public sealed class ModbusRtuTransport : IModbusTransport
{
    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly TimeSpan _interFrame;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _tx = new byte[RtuFrame.MaxAduLength];
    private readonly byte[] _rx = new byte[RtuFrame.MaxAduLength];
    private readonly Stopwatch _sinceLastFrame = Stopwatch.StartNew();

    public ModbusRtuTransport(Stream stream, string resource, int baudRate, bool parity = true, int stopBits = 1, IDisposable? owner = null)
    {
        _stream = stream;
        _owner = owner;
        Resource = resource;
        _interFrame = RtuTiming.InterFrameDelay(baudRate, parity, stopBits);
    }

    public string Resource { get; }

    /// <summary>Opens a serial port, e.g. <c>/dev/ttyUSB0</c> at 19200 8E1.</summary>
    public static ModbusRtuTransport Open(string portName, int baudRate, char parity, int stopBits)
    {
        var port = new SerialPort(portName, baudRate, ParityOf(parity), 8, stopBits == 2 ? StopBits.Two : StopBits.One)
        {
            Handshake = Handshake.None,
        };
        var resource = string.Create(CultureInfo.InvariantCulture, $"{portName}@{baudRate}");
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new ModbusConnectionException($"{resource}: cannot open the serial port: {e.Message}", e);
        }

        return new ModbusRtuTransport(port.BaseStream, resource, baudRate, parity != 'N', stopBits, port);
    }

    public async Task<int> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _interFrame - _sinceLastFrame.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            // A late reply to a request that timed out must not pass for the answer to this one.
            if (_owner is SerialPort { IsOpen: true } port)
            {
                port.DiscardInBuffer();
            }

            var length = RtuFrame.Write(_tx, unitId, requestPdu.Span);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await _stream.WriteAsync(_tx.AsMemory(0, length), timeoutSource.Token).ConfigureAwait(false);
                await _stream.FlushAsync(timeoutSource.Token).ConfigureAwait(false);
                if (unitId == 0)
                {
                    _sinceLastFrame.Restart();
                    return 0;
                }

                var received = await ReceiveFrameAsync(timeoutSource.Token).ConfigureAwait(false);
                _sinceLastFrame.Restart();
                var frame = _rx.AsSpan(0, received);
                if (!Crc16Modbus.IsValid(frame))
                {
                    throw new ModbusFrameException($"{Resource}: CRC error in {Convert.ToHexString(frame)}");
                }

                if (frame[0] != unitId)
                {
                    throw new ModbusFrameException($"{Resource}: reply from address {frame[0]} to a request for {unitId}");
                }

                var pdu = frame[1..^2];
                pdu.CopyTo(responsePdu.Span);
                return pdu.Length;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _sinceLastFrame.Restart();
                throw new ModbusTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Resource}: no complete reply from unit {unitId} within {timeout.TotalMilliseconds:0} ms"));
            }
            catch (IOException e)
            {
                throw new ModbusConnectionException($"{Resource}: {e.Message}", e);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
        _gate.Dispose();
    }

    private static Parity ParityOf(char parity) => parity switch
    {
        'E' => Parity.Even,
        'O' => Parity.Odd,
        _ => Parity.None,
    };

    private async Task<int> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var received = 0;
        while (true)
        {
            var expected = RtuFrame.ExpectedResponseLength(_rx.AsSpan(0, received));
            if (expected < 0)
            {
                throw new ModbusFrameException($"{Resource}: reply with unknown function {_rx[1]:X2}");
            }

            if (expected > RtuFrame.MaxAduLength)
            {
                throw new ModbusFrameException($"{Resource}: reply claims {expected} bytes");
            }

            if (expected > 0 && received >= expected)
            {
                return expected;
            }

            var want = expected > 0 ? expected - received : (received < 3 ? 3 - received : 1);
            var n = await _stream.ReadAsync(_rx.AsMemory(received, want), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("serial stream closed");
            }

            received += n;
        }
    }
}
