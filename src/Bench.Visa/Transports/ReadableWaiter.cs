using System.Net.Sockets;

namespace Bench.Sockets;

/// <summary>
/// Waits for a blocking socket to become readable on a thread of its own, started at the first slow reply and parked
/// between waits, so that a slow instrument neither blocks a thread-pool thread (which starves timers and other I/O
/// on a 2-core machine) nor forces the socket into the runtime's epoll engine. One source compiled into Bench.Visa and
/// Bench.Modbus (linked by Bench.Modbus.csproj): the two transports sit side by side and neither references the other.
/// </summary>
internal sealed class ReadableWaiter(Socket socket) : IDisposable
{
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(10);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _gate = new();
    private TaskCompletionSource? _pending;
    private Thread? _thread;
    private volatile bool _disposed;

    /// <summary>Completes when the socket has data, end of stream or an error to read; cancelled with <paramref name="cancellationToken"/>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The reader continues on the thread pool, never on this thread: a reader that blocked on its own socket's next
        // wait from here (sync over async) would otherwise wait for itself until its timeout.
        var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending = pending;
            _thread ??= StartThread();
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
            _ = pending.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _wake.Release();
        return pending.Task;
    }

    public void Dispose()
    {
        _disposed = true;
        _wake.Release();
    }

    private Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Bench socket wait" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        while (true)
        {
            _wake.Wait();
            if (_disposed)
            {
                _pending?.TrySetException(new ObjectDisposedException(nameof(ReadableWaiter)));
                _wake.Dispose();
                return;
            }

            TaskCompletionSource pending;
            lock (_gate)
            {
                pending = _pending!;
            }

            try
            {
                // The slice bounds how long a cancelled or disposed wait keeps this thread.
                while (!pending.Task.IsCompleted && !_disposed && !socket.Poll(PollSlice, SelectMode.SelectRead))
                {
                }

                pending.TrySetResult();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                pending.TrySetException(ex);
            }
        }
    }
}
