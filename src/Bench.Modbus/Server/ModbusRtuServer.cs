using System.Diagnostics;
using System.Globalization;
using System.IO.Ports;

using Bench.Modbus.Framing;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Modbus.Server;

/// <summary>
/// Modbus RTU slave side on a serial line (or a pseudo-terminal): frames requests by the length their function code
/// implies, drops frames with a bad CRC and resynchronises on the next 3.5-character silence, hands good frames to the
/// handler and answers, no sooner than t3.5 after the request's last byte, unless the frame was a broadcast (address 0)
/// or the handler returned nothing (not its address).
/// </summary>
public sealed class ModbusRtuServer : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly IModbusRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeSpan _interFrame;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ModbusRtuServer(Stream stream, IModbusRequestHandler handler, int baudRate, bool parity = true, int stopBits = 1, IDisposable? owner = null, ILogger? logger = null)
    {
        _stream = stream;
        _owner = owner;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        _interFrame = RtuTiming.InterFrameDelay(baudRate, parity, stopBits);
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Frames with a bad CRC seen so far (a line-quality figure, and a test hook).</summary>
    public int CrcErrors { get; private set; }

    /// <summary>Opens <paramref name="portName"/> (e.g. one end of a socat pty pair) and starts answering on it.</summary>
    public static ModbusRtuServer Open(string portName, IModbusRequestHandler handler, int baudRate = 19200, char parity = 'E', int stopBits = 1, ILogger? logger = null)
    {
        var port = new SerialPort(portName, baudRate, parity switch { 'E' => Parity.Even, 'O' => Parity.Odd, _ => Parity.None }, 8, stopBits == 2 ? StopBits.Two : StopBits.One);
        port.Open();
        return new ModbusRtuServer(port.BaseStream, handler, baudRate, parity != 'N', stopBits, port, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _owner?.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var rx = new byte[RtuFrame.MaxAduLength];
        var tx = new byte[RtuFrame.MaxAduLength];
        var pdu = new byte[Protocol.ModbusLimits.MaxPduLength];
        var received = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var expected = RtuFrame.ExpectedRequestLength(rx.AsSpan(0, received));
                if (expected < 0 || expected > RtuFrame.MaxAduLength)
                {
                    await ResynchroniseAsync(rx).ConfigureAwait(false);
                    received = 0;
                    continue;
                }

                if (expected == 0 || received < expected)
                {
                    var want = expected == 0 ? 1 : expected - received;
                    var n = await _stream.ReadAsync(rx.AsMemory(received, want), _stop.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    received += n;
                    continue;
                }

                var frame = rx.AsSpan(0, expected);
                if (!Crc16Modbus.IsValid(frame))
                {
                    CrcErrors++;
                    _logger.LogDebug("RTU frame with bad CRC dropped: {Frame}", Convert.ToHexString(frame));
                    await ResynchroniseAsync(rx).ConfigureAwait(false);
                    received = 0;
                    continue;
                }

                var frameEnd = Stopwatch.GetTimestamp();
                var address = frame[0];
                var pduLength = expected - 3;
                frame.Slice(1, pduLength).CopyTo(pdu);
                received = 0;
                var length = await _handler.HandleAsync(address, pdu.AsMemory(0, pduLength), tx.AsMemory(1, RtuFrame.MaxAduLength - 3), _stop.Token).ConfigureAwait(false);
                if (address == 0 || length == 0)
                {
                    continue;
                }

                // A slave knows a frame has ended after t3.5 of silence: never answer sooner than that.
                var wait = _interFrame - Stopwatch.GetElapsedTime(frameEnd);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
                }

                tx[0] = address;
                Crc16Modbus.Write(tx.AsSpan(0, 1 + length), tx.AsSpan(1 + length));
                await _stream.WriteAsync(tx.AsMemory(0, length + 3), _stop.Token).ConfigureAwait(false);
                await _stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // line closed or server stopping
        }
    }

    /// <summary>Discards bytes until the line has been silent for t3.5 (at least a few ms: the OS cannot time less).</summary>
    private async Task ResynchroniseAsync(byte[] scratch)
    {
        var silence = _interFrame < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : _interFrame;
        while (!_stop.IsCancellationRequested)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            quiet.CancelAfter(silence);
            try
            {
                if (await _stream.ReadAsync(scratch, quiet.Token).ConfigureAwait(false) == 0)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                _logger.LogDebug("RTU line silent for {Silence} ms: resynchronised", silence.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture));
                return;
            }
        }
    }
}
