using System.Net.Sockets;

using Bench.Sockets;

namespace Bench.Visa.Transports;

/// <summary>
/// TCP sockets that stay in blocking mode and are never handed to the runtime's epoll engine. Once a .NET socket has
/// done one asynchronous operation (ConnectAsync, ReadAsync…) on Linux, every segment that arrives also wakes the
/// runtime's epoll thread: measured on a 2-core machine, that extra wake-up costs 15–40 µs of CPU per query round trip,
/// more than the round trip itself. Here connecting runs on a pool thread, sends are blocking (bounded by SO_SNDTIMEO),
/// and a read first blocks in recv(2) on the caller's thread (bounded by SO_RCVTIMEO), then waits on the socket's own
/// <see cref="ReadableWaiter"/> thread (see <see cref="PolledSocketStream"/>).
/// </summary>
internal static class BlockingSocket
{
    /// <summary>Connects a new blocking socket with TCP_NODELAY; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task<Socket> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken) =>
        SocketConnect.ConnectAsync(host, port, timeout, cancellationToken);

    /// <summary>Sends all of <paramref name="data"/>, blocking at most the socket's send timeout per piece; cancellation is checked between pieces.</summary>
    public static void SendAll(Socket socket, ReadOnlySpan<byte> data, CancellationToken cancellationToken)
    {
        const int Piece = 64 * 1024;
        while (data.Length > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sent = socket.Send(data[..Math.Min(Piece, data.Length)], SocketFlags.None);
            data = data[sent..];
        }
    }
}
