using System.Globalization;
using System.Net.Sockets;

using Bench.Modbus.Errors;
using Bench.Modbus.Framing;

namespace Bench.Modbus.Transport;

/// <summary>
/// Modbus TCP client side: MBAP header with a fresh transaction id per request; replies with another id (late answers
/// to a request that timed out) are discarded. After a timeout or a garbled header the connection is re-opened before
/// the next request, since the byte stream can no longer be trusted.
/// </summary>
/// <remarks>
/// Hot path (measured by the Modbus benchmark against libmodbus): the socket stays blocking and outside the runtime's
/// epoll engine (<see cref="BlockingSocket"/>); the request goes out with one synchronous send (a few hundred bytes
/// never block on a connected socket), then the reply is awaited with a short poll(2) on the calling thread
/// (<see cref="SpinPoll"/>) before the wait moves to a thread of the connection's own. A loopback or LAN device
/// answers within the poll and the round trip costs no thread hop; a slow device costs at most the poll time of the
/// calling thread.
/// </remarks>
public sealed class ModbusTcpTransport : IModbusTransport
{
    /// <summary>
    /// How long to wait synchronously for a reply before the wait moves off the calling thread. poll(2) counts whole
    /// milliseconds and Socket.Poll truncates anything shorter to 0 (a 500 µs wait returned at once and sent two thirds
    /// of the replies on loopback the slow way), so this is the shortest real wait.
    /// </summary>
    public static readonly TimeSpan SpinPoll = TimeSpan.FromMilliseconds(1);

    private readonly string _host;
    private readonly int _port;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _tx = new byte[MbapHeader.MaxAduLength];
    private readonly byte[] _rx = new byte[2 * MbapHeader.MaxAduLength];
    private Socket? _socket;
    private ReadableWaiter? _waiter;
    private ushort _transactionId;

    private ModbusTcpTransport(string host, int port)
    {
        _host = host;
        _port = port;
        Resource = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
    }

    public string Resource { get; }

    public static async Task<ModbusTcpTransport> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var transport = new ModbusTcpTransport(host, port);
        await transport.OpenAsync(timeout, cancellationToken).ConfigureAwait(false);
        return transport;
    }

    public async Task<int> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket is null)
            {
                await OpenAsync(timeout, cancellationToken).ConfigureAwait(false);
            }

            var socket = _socket!;
            var id = ++_transactionId;
            MbapHeader.For(id, unitId, requestPdu.Length).Write(_tx);
            requestPdu.Span.CopyTo(_tx.AsSpan(MbapHeader.Size));
            try
            {
                socket.Send(_tx, 0, MbapHeader.Size + requestPdu.Length, SocketFlags.None);
                var received = 0;
                if (socket.Poll(SpinPoll, SelectMode.SelectRead))
                {
                    received = Receive(socket, socket.Receive(_rx, SocketFlags.None), 0);
                }

                CancellationTokenSource? deadline = null;
                try
                {
                    while (true)
                    {
                        if (TryTakeReply(ref received, id, unitId, responsePdu.Span, out var length))
                        {
                            return length;
                        }

                        deadline ??= Deadline(timeout, cancellationToken);
                        await BlockingSocket.WaitReadableAsync(socket, TimeSpan.Zero, _waiter!, deadline.Token).ConfigureAwait(false);
                        received = Receive(socket, socket.Receive(_rx.AsSpan(received), SocketFlags.None), received);
                    }
                }
                finally
                {
                    deadline?.Dispose();
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Close();
                throw new ModbusTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Resource}: no reply from unit {unitId} within {timeout.TotalMilliseconds:0} ms"));
            }
            catch (ModbusFrameException)
            {
                Close();
                throw;
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
                Close();
                throw new ModbusConnectionException($"{Resource}: {e.Message}", e);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int Receive(Socket socket, int count, int before) =>
        count > 0 ? before + count : throw new IOException("connection closed by the server");

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>
    /// Looks for the reply to transaction <paramref name="id"/> in the received bytes, dropping whole frames of other
    /// transactions. True with the PDU copied out when it is complete; false when more bytes are needed.
    /// </summary>
    private bool TryTakeReply(ref int received, ushort id, byte unitId, Span<byte> responsePdu, out int length)
    {
        length = 0;
        while (received >= MbapHeader.Size)
        {
            var header = MbapHeader.Read(_rx);
            if (!header.IsPlausible)
            {
                throw new ModbusFrameException($"{Resource}: implausible MBAP header {Convert.ToHexString(_rx, 0, MbapHeader.Size)}");
            }

            var frame = MbapHeader.Size + header.PduLength;
            if (received < frame)
            {
                return false;
            }

            if (header.TransactionId != id)
            {
                _rx.AsSpan(frame, received - frame).CopyTo(_rx); // a late answer to an earlier request
                received -= frame;
                continue;
            }

            if (header.UnitId != unitId)
            {
                throw new ModbusFrameException($"{Resource}: reply from unit {header.UnitId} to a request for unit {unitId}");
            }

            if (header.PduLength > responsePdu.Length)
            {
                throw new ModbusFrameException($"{Resource}: reply of {header.PduLength} bytes does not fit");
            }

            _rx.AsSpan(MbapHeader.Size, header.PduLength).CopyTo(responsePdu);
            length = header.PduLength;
            return true;
        }

        return false;
    }

    private async Task OpenAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            socket = await BlockingSocket.ConnectAsync(_host, _port, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ModbusTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Resource}: connection not accepted within {timeout.TotalMilliseconds:0} ms"));
        }
        catch (SocketException e)
        {
            throw new ModbusConnectionException($"{Resource}: {e.Message}", e);
        }

        socket.SendTimeout = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        _socket = socket;
        _waiter = new ReadableWaiter(socket);
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _waiter?.Dispose();
        _waiter = null;
    }
}
