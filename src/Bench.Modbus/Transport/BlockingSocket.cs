using System.Net.Sockets;

using Bench.Sockets;

namespace Bench.Modbus.Transport;

/// <summary>
/// TCP sockets that stay in blocking mode and are never handed to the runtime's epoll engine (the same technique as
/// Bench.Visa's BlockingSocket; Bench.Modbus does not depend on Bench.Visa). Once a .NET socket has done one
/// asynchronous operation on Linux, every segment that arrives also wakes the runtime's epoll thread: on a 2-core
/// machine that costs more CPU per FC03 round trip than the round trip itself. A reply is first awaited in recv(2) on
/// the calling thread, bounded by SO_RCVTIMEO (recv alone costs 7 µs of CPU a round trip where poll(2) + recv(2) cost
/// 11 µs: poll arms and cancels a high-resolution timer every time), then on the connection's waiter thread.
/// </summary>
internal static class BlockingSocket
{
    /// <summary>Connects a new blocking socket with TCP_NODELAY; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task<Socket> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken) =>
        SocketConnect.ConnectAsync(host, port, timeout, cancellationToken);

    /// <summary>
    /// Receives into <paramref name="buffer"/> on the calling thread, blocking at most the socket's SO_RCVTIMEO; false
    /// when nothing arrived by then (the socket stays usable).
    /// </summary>
    public static bool TryReceive(Socket socket, Span<byte> buffer, out int received)
    {
        try
        {
            received = socket.Receive(buffer, SocketFlags.None);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            received = 0;
            return false;
        }
    }
}
