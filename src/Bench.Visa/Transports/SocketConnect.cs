using System.Net.Sockets;

namespace Bench.Sockets;

/// <summary>
/// Connects a blocking TCP socket (TCP_NODELAY) on a short-lived thread of its own, never on the thread pool: Bench's
/// transports block in recv(2) for up to a millisecond per reply, and with many connections in one process (a
/// simulator's tests, a station polling several meters) the pool can be busy long enough for a queued connect to miss
/// its timeout. One source compiled into Bench.Visa and Bench.Modbus (linked by Bench.Modbus.csproj).
/// </summary>
internal static class SocketConnect
{
    /// <summary>Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>, or the connect's SocketException.</summary>
    public static async Task<Socket> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                socket.Connect(host, port);
                connected.TrySetResult();
            }
            catch (Exception e)
            {
                connected.TrySetException(e);
            }
        })
        { IsBackground = true, Name = "Bench connect" };
        thread.Start();
        try
        {
            await connected.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose(); // also ends a connect still blocked in the kernel
            _ = connected.Task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }
}
