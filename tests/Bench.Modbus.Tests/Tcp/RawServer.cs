using System.Net;
using System.Net.Sockets;

namespace Bench.Modbus.Tests.Tcp;

/// <summary>A loopback TCP server that answers each 12-byte request with whatever bytes the test scripts.</summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RawServer(TcpListener listener, Func<byte[], byte[]> reply)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _loop = Task.Run(() => ServeAsync(reply));
    }

    public int Port { get; }

    public static Task<RawServer> StartAsync(Func<byte[], byte[]> reply)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(new RawServer(listener, reply));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
            // stopping
        }

        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync(Func<byte[], byte[]> reply)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var request = new byte[12];
            while (true)
            {
                var got = 0;
                while (got < request.Length)
                {
                    var n = await socket.ReceiveAsync(request.AsMemory(got), _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    got += n;
                }

                if (got < request.Length)
                {
                    break;
                }

                await socket.SendAsync(reply(request), _stop.Token);
            }
        }
    }
}
