using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Bench.Benchmarks.Visa;

/// <summary>
/// The physical minimum a server can offer: per connection a thread with blocking calls that reads a request of a
/// fixed size and writes a reply of a fixed size, doing nothing else. A connection starts with its script: a big-endian
/// u16 count, then that many (request bytes, reply bytes) u16 pairs, used in turn (VXI-11 has two exchanges a query).
/// </summary>
public sealed class PingPongServer : IDisposable
{
    private readonly Socket _listener;
    private readonly Thread _accepting;

    public PingPongServer(string host)
    {
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Parse(host), 0));
        _listener.Listen(8);
        _accepting = new Thread(Accept) { IsBackground = true };
        _accepting.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <summary>The script that opens a connection, for <see cref="RawRoundTrip.PingPong"/>.</summary>
    public static byte[] Script(params (int Request, int Reply)[] exchanges)
    {
        var script = new byte[2 + (4 * exchanges.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(script, (ushort)exchanges.Length);
        for (var k = 0; k < exchanges.Length; k++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(script.AsSpan(2 + (4 * k)), (ushort)exchanges[k].Request);
            BinaryPrimitives.WriteUInt16BigEndian(script.AsSpan(4 + (4 * k)), (ushort)exchanges[k].Reply);
        }

        return script;
    }

    public void Dispose() => _listener.Dispose();

    private void Accept()
    {
        try
        {
            while (true)
            {
                var connection = _listener.Accept();
                connection.NoDelay = true;
                new Thread(() => Serve(connection)) { IsBackground = true }.Start();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private static void Serve(Socket connection)
    {
        using var _ = connection;
        try
        {
            var count = new byte[2];
            if (!ReceiveExactly(connection, count))
            {
                return;
            }

            var pairs = new byte[4 * BinaryPrimitives.ReadUInt16BigEndian(count)];
            if (!ReceiveExactly(connection, pairs))
            {
                return;
            }

            var exchanges = Enumerable.Range(0, pairs.Length / 4)
                .Select(k => (Request: (int)BinaryPrimitives.ReadUInt16BigEndian(pairs.AsSpan(4 * k)), Reply: (int)BinaryPrimitives.ReadUInt16BigEndian(pairs.AsSpan((4 * k) + 2))))
                .ToArray();
            var request = new byte[exchanges.Max(e => e.Request)];
            var reply = new byte[exchanges.Max(e => e.Reply)];
            Array.Fill(reply, (byte)'\n');
            for (var k = 0; ; k = (k + 1) % exchanges.Length)
            {
                if (!ReceiveExactly(connection, request.AsSpan(0, exchanges[k].Request)))
                {
                    return;
                }

                connection.Send(reply, 0, exchanges[k].Reply, SocketFlags.None);
            }
        }
        catch (SocketException)
        {
            // client went away
        }
    }

    private static bool ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var n = socket.Receive(buffer, SocketFlags.None);
            if (n == 0)
            {
                return false;
            }

            buffer = buffer[n..];
        }

        return true;
    }
}
