using System.Globalization;
using System.Net.Sockets;

using Bench.Modbus.Errors;
using Bench.Modbus.Framing;
using Bench.Sockets;

namespace Bench.Modbus.Transport;

/// <summary>
/// Modbus TCP client side: MBAP header with a fresh transaction id per request; replies with another id (late answers
/// to a request that timed out) are discarded. After a timeout or a garbled header the connection is re-opened before
/// the next request, since the byte stream can no longer be trusted.
/// </summary>
/// <remarks>
/// Hot path (measured by the Modbus benchmark against libmodbus): the socket stays blocking and outside the runtime's
/// epoll engine (<see cref="BlockingSocket"/>); the request goes out with one synchronous send (a few hundred bytes
/// never block on a connected socket), then the reply is awaited in recv(2) on the calling thread, bounded by
/// <see cref="SpinPoll"/>, before the wait moves to a thread of the connection's own. A loopback or LAN device
/// answers within that wait and the round trip costs no thread hop and no extra system call; a slow device holds the
/// calling thread for at most that wait.
/// </remarks>
public sealed class ModbusTcpTransport : IModbusTransport
{
    /// <summary>
    /// How long to wait on the calling thread for a reply (SO_RCVTIMEO) before the wait moves to the connection's
    /// waiter thread. The kernel counts it in scheduler ticks: 1 ms lasts 4–12 ms when nothing arrives (measured here).
    /// The earlier poll(2) of 500 µs did not wait at all: Socket.Poll truncates to whole milliseconds.
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
                if (BlockingSocket.TryReceive(socket, _rx, out var first))
                {
                    received = Receive(socket, first, 0);
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
                        await _waiter!.WaitAsync(deadline.Token).ConfigureAwait(false);
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
        socket.ReceiveTimeout = (int)SpinPoll.TotalMilliseconds;
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
