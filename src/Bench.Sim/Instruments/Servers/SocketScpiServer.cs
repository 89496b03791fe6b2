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
    private readonly TcpConnectionHost _connections;
    private readonly ILogger _log;
    private readonly string _replyTerminator;

    private SocketScpiServer(ScpiDevice device, TcpListener listener, ILogger log)
    {
        _device = device;
        _log = log;
        _replyTerminator = device.Profile.Transport.ReadTermination;
        _connections = new TcpConnectionHost(listener, client => TcpConnectionHost.OnOwnThread(() => Serve(client)));
    }

    public string Host => _connections.Host;

    public int Port => _connections.Port;

    public string Resource => $"TCPIP::{Host}::{Port}::SOCKET";

    public static SocketScpiServer Start(ScpiDevice device, string host, int port, ILogger? log = null)
    {
        var listener = new TcpListener(IPAddress.Parse(host), port);
        listener.Start();
        return new SocketScpiServer(device, listener, log ?? NullLogger.Instance);
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

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

        // Closing the socket on stop ends the blocking Receive of this thread.
        using var closeOnStop = _connections.Stopping.Register(() => client.Close());
        try
        {
            while (!_connections.Stopping.IsCancellationRequested)
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
                    var reply = _device.ProcessAsync(line, connection, _connections.Stopping).GetAwaiter().GetResult();
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
            client.Dispose();
            _device.OnDisconnected(connection);
        }
    }
}
