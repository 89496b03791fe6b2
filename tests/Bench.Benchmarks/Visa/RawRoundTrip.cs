using System.Net.Sockets;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// The leanest client a server can have: a blocking socket that sends prepared request bytes and receives until a
/// reply is complete, no parsing, no allocation. Against the simulator it measures what the server and the kernel
/// cost; against <see cref="PingPongServer"/> what the kernel alone costs.
/// </summary>
public sealed class RawRoundTrip : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly (byte[] Request, int ReplyBytes)[] _exchanges;
    private readonly byte[] _reply = new byte[64 * 1024];

    private RawRoundTrip(Socket socket, (byte[] Request, int ReplyBytes)[] exchanges)
    {
        _socket = socket;
        _exchanges = exchanges;
    }

    /// <summary>Connects a blocking socket with TCP_NODELAY (never used asynchronously, so outside the runtime's epoll engine).</summary>
    public static Socket ConnectSocket(string host, int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(host, port);
        return socket;
    }

    /// <summary>
    /// Probes one query on <paramref name="socket"/> (each request's reply is the bytes that arrived 50 ms after it: on
    /// loopback the whole reply) and returns a client that repeats it with those reply sizes.
    /// </summary>
    public static RawRoundTrip Over(Socket socket, params byte[][] requests)
    {
        var buffer = new byte[64 * 1024];
        var exchanges = new (byte[] Request, int ReplyBytes)[requests.Length];
        for (var k = 0; k < requests.Length; k++)
        {
            socket.Send(requests[k]);
            Thread.Sleep(50);
            exchanges[k] = (requests[k], socket.Receive(buffer));
        }

        return new RawRoundTrip(socket, exchanges);
    }

    /// <summary>A ping-pong client with the same byte counts as <paramref name="model"/>, against <see cref="PingPongServer"/>.</summary>
    public static RawRoundTrip PingPong(string host, int port, RawRoundTrip model)
    {
        var socket = ConnectSocket(host, port);
        socket.Send(PingPongServer.Script([.. model._exchanges.Select(e => (e.Request.Length, e.ReplyBytes))]));
        return new RawRoundTrip(socket, model._exchanges);
    }

    /// <summary>One query: every exchange in turn, each reply read to its last byte.</summary>
    public ValueTask RoundTrip(CancellationToken cancellationToken)
    {
        foreach (var (request, replyBytes) in _exchanges)
        {
            _socket.Send(request, SocketFlags.None);
            var got = 0;
            while (got < replyBytes)
            {
                var n = _socket.Receive(_reply, got, replyBytes - got, SocketFlags.None);
                got += n > 0 ? n : throw new IOException("the server closed the connection");
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
