using System.Net;
using System.Net.Sockets;
using System.Text;

using Bench.Sim.Instruments.Scpi;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// Raw SCPI over TCP (TCPIP::host::port::SOCKET): one message per line, replies terminated with the profile's read
/// termination. Binds loopback (or the given host) on a fixed or ephemeral port.
/// </summary>
public sealed class SocketScpiServer : IAsyncDisposable
{
    private readonly ScpiDevice _device;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _log;
    private readonly List<Task> _clients = [];
    private readonly Lock _gate = new();
    private readonly string _replyTerminator;
    private readonly Task _accepting;
    private int _disposed;

    private SocketScpiServer(ScpiDevice device, TcpListener listener, ILogger log)
    {
        _device = device;
        _listener = listener;
        _log = log;
        _replyTerminator = device.Profile.Transport.ReadTermination;
        _accepting = AcceptLoopAsync();
    }

    public string Host => ((IPEndPoint)_listener.LocalEndpoint).Address.ToString();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Resource => $"TCPIP::{Host}::{Port}::SOCKET";

    public static SocketScpiServer Start(ScpiDevice device, string host, int port, ILogger? log = null)
    {
        var listener = new TcpListener(IPAddress.Parse(host), port);
        listener.Start();
        return new SocketScpiServer(device, listener, log ?? NullLogger.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Task[] clients;
        lock (_gate)
        {
            clients = [.. _clients];
        }

        try
        {
            await Task.WhenAll(clients.Append(_accepting)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
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
                _clients.RemoveAll(t => t.IsCompleted);
                _clients.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var connection = new SimulatedConnection("SOCKET", client.Client.RemoteEndPoint?.ToString() ?? "?");
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var pending = new List<byte>(256);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }

                for (var k = 0; k < n; k++)
                {
                    if (buffer[k] != (byte)'\n')
                    {
                        pending.Add(buffer[k]);
                        continue;
                    }

                    var line = Encoding.Latin1.GetString(pending.ToArray()).TrimEnd('\r');
                    pending.Clear();
                    var reply = await _device.ProcessAsync(line, connection, _stop.Token).ConfigureAwait(false);
                    if (reply.Drop)
                    {
                        _log.LogInformation("{Connection}: dropping the connection (injected fault)", connection);
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    if (reply.Text is { } text)
                    {
                        await stream.WriteAsync(Encoding.Latin1.GetBytes(text + _replyTerminator), _stop.Token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            _log.LogDebug("{Connection}: {Reason}", connection, ex.Message);
        }
        finally
        {
            client.Dispose();
            _device.OnDisconnected(connection);
        }
    }
}
