using System.Net.Sockets;

namespace Bench.Modbus.Transport;

/// <summary>
/// TCP sockets that stay in blocking mode and are never handed to the runtime's epoll engine (the same technique as
/// Bench.Visa's BlockingSocket; Bench.Modbus does not depend on Bench.Visa). Once a .NET socket has done one
/// asynchronous operation on Linux, every segment that arrives also wakes the runtime's epoll thread: on a 2-core
/// machine that costs more CPU per FC03 round trip than the round trip itself.
/// </summary>
internal static class BlockingSocket
{
    /// <summary>Connects a new blocking socket with TCP_NODELAY; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<Socket> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connecting = Task.Run(() => socket.Connect(host, port), CancellationToken.None);
        try
        {
            await connecting.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose(); // also ends a connect still blocked in the kernel
            _ = connecting.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>
    /// Returns when <paramref name="socket"/> has something to read (data, end of stream or an error): first waiting up
    /// to <paramref name="synchronousWait"/> on the calling thread, then on <paramref name="waiter"/>'s thread.
    /// </summary>
    public static ValueTask WaitReadableAsync(Socket socket, TimeSpan synchronousWait, ReadableWaiter waiter, CancellationToken cancellationToken)
    {
        if (socket.Poll(synchronousWait, SelectMode.SelectRead))
        {
            return ValueTask.CompletedTask;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask(waiter.WaitAsync(cancellationToken));
    }
}
