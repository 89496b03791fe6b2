using System.Net;
using System.Net.Sockets;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// The part every simulator server shares: accept TCP connections on a started listener, run one handler per
/// connection, and on dispose stop accepting, cancel <see cref="Stopping"/> and wait for every handler to end.
/// </summary>
internal sealed class TcpConnectionHost : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<TcpClient, Task> _serve;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private int _disposed;

    /// <param name="listener">A started listener; the host stops it.</param>
    /// <param name="serve">Serves one connection until it closes or <see cref="Stopping"/> is cancelled.</param>
    public TcpConnectionHost(TcpListener listener, Func<TcpClient, Task> serve)
    {
        _listener = listener;
        _serve = serve;
        Stopping = _stop.Token;
        _accepting = AcceptLoopAsync();
    }

    public CancellationToken Stopping { get; }

    public string Host => ((IPEndPoint)_listener.LocalEndpoint).Address.ToString();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Runs a blocking handler on a thread of its own: a request then wakes it directly, with no thread-pool hop.</summary>
    public static Task OnOwnThread(Action serve) =>
        Task.Factory.StartNew(serve, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Task[] tasks;
        lock (_gate)
        {
            tasks = [.. _connections, _accepting];
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // A handler ended by the stop itself.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            lock (_gate)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(_serve(client));
            }
        }
    }
}
