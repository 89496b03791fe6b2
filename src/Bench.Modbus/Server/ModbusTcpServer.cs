using System.Net;
using System.Net.Sockets;

using Bench.Modbus.Framing;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Modbus.Server;

/// <summary>
/// Modbus TCP server for the simulators: accepts any number of connections, answers each request in order, echoing
/// transaction and unit id. Frames with a protocol id other than 0 or an impossible length close the connection.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IModbusRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _connections = [];
    private readonly List<Task> _tasks = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;

    private ModbusTcpServer(Socket listener, IModbusRequestHandler handler, ILogger logger)
    {
        _listener = listener;
        _handler = handler;
        _logger = logger;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds <paramref name="host"/>:<paramref name="port"/> (0 = ephemeral) and starts serving.</summary>
    public static ModbusTcpServer Start(IModbusRequestHandler handler, string host = "127.0.0.1", int port = 0, ILogger? logger = null)
    {
        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Parse(host), port));
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new ModbusTcpServer(listener, handler, logger ?? NullLogger.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        Task[] tasks;
        lock (_gate)
        {
            foreach (var c in _connections)
            {
                c.Dispose();
            }

            tasks = [.. _tasks, _acceptLoop];
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connection.NoDelay = true;
            lock (_gate)
            {
                _connections.Add(connection);
                _tasks.RemoveAll(t => t.IsCompleted);
                _tasks.Add(Task.Factory.StartNew(() => Serve(connection), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            }
        }
    }

    /// <summary>
    /// One connection on a thread of its own with blocking socket calls: a request wakes this thread directly, with no
    /// epoll-thread wake-up and no thread-pool hop (the same design as the SCPI simulators' servers). Disposing the
    /// server closes the socket, which ends the blocking receive.
    /// </summary>
    private void Serve(Socket connection)
    {
        // Requests are received into one buffer as they arrive (one recv for a whole ADU, usually), then framed.
        var rx = new byte[2 * MbapHeader.MaxAduLength];
        var tx = new byte[MbapHeader.MaxAduLength];
        var received = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!ReceiveAtLeast(connection, rx, ref received, MbapHeader.Size))
                {
                    return;
                }

                var header = MbapHeader.Read(rx);
                if (!header.IsPlausible)
                {
                    _logger.LogDebug("closing connection after MBAP header {Header}", Convert.ToHexString(rx, 0, MbapHeader.Size));
                    return;
                }

                var frame = MbapHeader.Size + header.PduLength;
                if (!ReceiveAtLeast(connection, rx, ref received, frame))
                {
                    return;
                }

                var handling = _handler.HandleAsync(header.UnitId, rx.AsMemory(MbapHeader.Size, header.PduLength), tx.AsMemory(MbapHeader.Size), _stop.Token);
                var length = handling.IsCompletedSuccessfully ? handling.Result : handling.AsTask().GetAwaiter().GetResult();
                Buffer.BlockCopy(rx, frame, rx, 0, received - frame);
                received -= frame;
                if (length == 0)
                {
                    continue;
                }

                MbapHeader.For(header.TransactionId, header.UnitId, length).Write(tx);
                connection.Send(tx, 0, MbapHeader.Size + length, SocketFlags.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // client went away or server stopping
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(connection);
            }

            connection.Dispose();
        }
    }

    /// <summary>Receives until <paramref name="buffer"/> holds at least <paramref name="count"/> bytes; false when the client closed.</summary>
    private static bool ReceiveAtLeast(Socket socket, byte[] buffer, ref int received, int count)
    {
        while (received < count)
        {
            var n = socket.Receive(buffer, received, buffer.Length - received, SocketFlags.None);
            if (n == 0)
            {
                return false;
            }

            received += n;
        }

        return true;
    }
}
