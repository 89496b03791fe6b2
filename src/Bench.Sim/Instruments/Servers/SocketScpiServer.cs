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
    private readonly List<Socket> _sockets = [];
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
            foreach (var socket in _sockets)
            {
                socket.Close(); // ends the blocking Receive of its thread
            }
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
                _clients.Add(Task.Factory.StartNew(() => Serve(client), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            }
        }
    }

    /// <summary>
    /// One connection on its own thread with blocking socket calls: a request wakes this thread directly, with no
    /// thread-pool hop, which keeps the simulator's turnaround in the microseconds a real SCPI socket has.
    /// </summary>
    private void Serve(TcpClient client)
    {
        var connection = new SimulatedConnection("SOCKET", client.Client.RemoteEndPoint?.ToString() ?? "?");
        var socket = client.Client;
        var buffer = new byte[8192];
        var pending = 0;
        lock (_gate)
        {
            _sockets.Add(socket);
        }

        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (pending == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var n = socket.Receive(buffer, pending, buffer.Length - pending, SocketFlags.None);
                if (n == 0)
                {
                    return;
                }

                var scanFrom = pending;
                pending += n;
                var lineStart = 0;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', scanFrom, pending - scanFrom)) >= 0)
                {
                    var end = newline > lineStart && buffer[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                    var line = Encoding.Latin1.GetString(buffer, lineStart, end - lineStart);
                    lineStart = scanFrom = newline + 1;
                    var reply = _device.ProcessAsync(line, connection, _stop.Token).GetAwaiter().GetResult();
                    if (reply.Drop)
                    {
                        _log.LogInformation("{Connection}: dropping the connection (injected fault)", connection);
                        socket.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    if (reply.Text is { } text)
                    {
                        socket.Send(Encoding.Latin1.GetBytes(text + _replyTerminator));
                    }
                }

                Buffer.BlockCopy(buffer, lineStart, buffer, 0, pending - lineStart);
                pending -= lineStart;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            _log.LogDebug("{Connection}: {Reason}", connection, ex.Message);
        }
        finally
        {
            lock (_gate)
            {
                _sockets.Remove(socket);
            }

            client.Dispose();
            _device.OnDisconnected(connection);
        }
    }
}
