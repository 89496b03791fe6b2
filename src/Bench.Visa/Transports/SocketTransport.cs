using System.Net.Sockets;

using Bench.Core.Errors;

namespace Bench.Visa.Transports;

/// <summary>TCPIP SOCKET: a raw TCP stream (usually port 5025), no framing, no END; NODELAY and keep-alive on.</summary>
public sealed class SocketTransport : IMessageTransport
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private SocketTransport(string resource, TcpClient client)
    {
        Resource = resource;
        _client = client;
        _stream = client.GetStream();
    }

    public string Resource { get; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public byte? TermChar { get; set; }

    public static async Task<SocketTransport> ConnectAsync(string resource, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            var why = ex is SocketException se ? se.Message : $"no answer within {timeout.TotalMilliseconds:0} ms";
            throw new InstrumentFaultException(resource, $"cannot connect to {host}:{port}: {why}", ex);
        }

        return new SocketTransport(resource, client) { Timeout = timeout };
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new InstrumentFaultException(Resource, "connection lost while writing: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// How long a read first waits for the reply on the calling thread before going asynchronous. Instruments on a LAN
    /// answer a query in tens to hundreds of microseconds: waiting in poll(2) that long costs less than a trip through
    /// the thread pool and halves the round-trip time. Zero turns the fast path off.
    /// </summary>
    public TimeSpan SynchronousWait { get; set; } = TimeSpan.FromMilliseconds(1);

    public async ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int n;
        try
        {
            var socket = _client.Client;
            if (SynchronousWait > TimeSpan.Zero && socket.Poll((int)SynchronousWait.TotalMicroseconds, SelectMode.SelectRead))
            {
                n = socket.Receive(buffer.Span);
            }
            else
            {
                n = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SocketException ex)
        {
            throw new InstrumentFaultException(Resource, "connection lost while reading: " + ex.Message, ex);
        }
        catch (IOException ex)
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
        var scratch = new byte[4096];
        while (_client.Available > 0)
        {
            _ = _stream.Read(scratch, 0, Math.Min(scratch.Length, _client.Available));
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
