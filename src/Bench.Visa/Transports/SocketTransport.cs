using System.Net.Sockets;

using Bench.Core.Errors;

namespace Bench.Visa.Transports;

/// <summary>TCPIP SOCKET: a raw TCP stream (usually port 5025), no framing, no END; NODELAY and keep-alive on.</summary>
public sealed class SocketTransport : IMessageTransport
{
    private readonly PolledSocketStream _stream;
    private TimeSpan _timeout = TimeSpan.FromSeconds(2);

    private SocketTransport(string resource, Socket socket)
    {
        Resource = resource;
        _stream = new PolledSocketStream(socket) { SendTimeout = _timeout };
    }

    public string Resource { get; }

    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            _timeout = value;
            _stream.SendTimeout = value;
        }
    }

    public byte? TermChar { get; set; }

    /// <summary>
    /// How long a read first waits for the reply on the calling thread before it waits on the socket's waiter thread.
    /// Instruments on a LAN answer a query in tens to hundreds of microseconds: waiting in poll(2) that long costs less
    /// than a hand-over to another thread. poll(2) counts whole milliseconds; below 1 ms the read does not wait here.
    /// </summary>
    public TimeSpan SynchronousWait
    {
        get => _stream.SynchronousWait;
        set => _stream.SynchronousWait = value;
    }

    public static async Task<SocketTransport> ConnectAsync(string resource, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            socket = await BlockingSocket.ConnectAsync(host, port, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            var why = ex is SocketException se ? se.Message : $"no answer within {timeout.TotalMilliseconds:0} ms";
            throw new InstrumentFaultException(resource, $"cannot connect to {host}:{port}: {why}", ex);
        }

        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        return new SocketTransport(resource, socket) { Timeout = timeout };
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        try
        {
            BlockingSocket.SendAll(_stream.Socket, data.Span, cancellationToken);
            return ValueTask.CompletedTask;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            return ValueTask.FromException(new InstrumentFaultException(Resource, $"timeout: write not accepted within {Timeout.TotalMilliseconds:0} ms", ex));
        }
        catch (SocketException ex)
        {
            return ValueTask.FromException(new InstrumentFaultException(Resource, "connection lost while writing: " + ex.Message, ex));
        }
        catch (OperationCanceledException ex)
        {
            return ValueTask.FromCanceled(ex.CancellationToken);
        }
    }

    public async ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int n;
        try
        {
            n = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new InstrumentFaultException(Resource, "connection lost while reading: " + ex.Message, ex);
        }

        if (n == 0)
        {
            throw new InstrumentFaultException(Resource, "the instrument closed the connection");
        }

        return new TransportRead(n, false);
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        // No device clear on a raw socket: drop whatever already arrived so the next reply is not a stale one.
        _stream.DiscardBuffered();
        var socket = _stream.Socket;
        var scratch = new byte[4096];
        while (socket.Available > 0)
        {
            _ = socket.Receive(scratch, 0, Math.Min(scratch.Length, socket.Available), SocketFlags.None);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }
}
