using System.Net;
using System.Net.Sockets;

using Bench.Visa.Rpc;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// A TCP ONC RPC server for one program: reads record-marked calls, checks program and version, and hands each call to
/// a handler that appends its results after an accepted-reply header. Calls on one connection are answered in order.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    private readonly TcpConnectionHost _connections;
    private readonly uint _program;
    private readonly uint _version;
    private readonly Func<RpcCall, RpcConnection, XdrWriter, Task<bool>> _handler;
    private readonly Action<RpcConnection>? _closed;
    private readonly ILogger? _log;

    /// <param name="handler">Writes the results; returns false to drop the connection instead of replying (injected fault).</param>
    public RpcServer(TcpListener listener, uint program, uint version, Func<RpcCall, RpcConnection, XdrWriter, Task<bool>> handler, Action<RpcConnection>? closed, ILogger? log)
    {
        _program = program;
        _version = version;
        _handler = handler;
        _closed = closed;
        _log = log;
        listener.Start();
        _connections = new TcpConnectionHost(listener, client => TcpConnectionHost.OnOwnThread(() => Serve(client)));
    }

    public int Port => _connections.Port;

    public static TcpListener Listen(string host, int port) => new(IPAddress.Parse(host), port);

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <summary>One connection on its own thread with blocking reads (no thread-pool hop per call); handlers may still wait.</summary>
    private void Serve(TcpClient client)
    {
        var connection = new RpcConnection(client.Client.RemoteEndPoint?.ToString() ?? "?");
        var stream = client.GetStream();
        // Calls are read through a buffer: record header and body then cost one recv, not two (writes go straight out).
        using var incoming = new BufferedStream(stream, 16 * 1024);
        var reply = new XdrWriter(1024);
        using var closeOnStop = _connections.Stopping.Register(() => client.Close());
        using var closeOnDrop = connection.Closed.Register(() => client.Close());
        try
        {
            while (!_connections.Stopping.IsCancellationRequested && !connection.Closed.IsCancellationRequested)
            {
                var record = RpcRecord.Read(incoming, 64 * 1024 * 1024);
                if (record is null)
                {
                    return;
                }

                var call = Decode(record, out var header);
                reply.Reset();
                if (call is null)
                {
                    RpcProtocol.ReplyHeader(reply, header.Xid, header.Status);
                    if (header.Status == RpcProtocol.ProgramMismatch)
                    {
                        reply.UInt(_version).UInt(_version);
                    }
                }
                else
                {
                    RpcProtocol.ReplyHeader(reply, call.Xid, RpcProtocol.Success);
                    try
                    {
                        if (!_handler(call, connection, reply).GetAwaiter().GetResult())
                        {
                            client.Client.LingerState = new LingerOption(true, 0);
                            return;
                        }
                    }
                    catch (Exception ex) when (ex is RpcServerFault or FormatException)
                    {
                        reply.Reset();
                        RpcProtocol.ReplyHeader(reply, call.Xid, ex is RpcServerFault f ? f.AcceptStatus : RpcProtocol.GarbageArguments);
                    }
                }

                RpcRecord.Write(stream, reply);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or InvalidDataException or FormatException or InvalidOperationException)
        {
            _log?.LogDebug("RPC connection {Peer} ended: {Reason}", connection.Peer, ex.Message);
        }
        finally
        {
            connection.Close();
            client.Dispose();
            _closed?.Invoke(connection);
        }
    }

    private RpcCall? Decode(byte[] record, out (uint Xid, uint Status) header)
    {
        var r = new XdrReader(record);
        var xid = r.UInt();
        if (r.UInt() != RpcProtocol.Call || r.UInt() != RpcProtocol.Version)
        {
            throw new FormatException("not an RPC version 2 call");
        }

        var program = r.UInt();
        var version = r.UInt();
        var procedure = r.UInt();
        _ = r.UInt();
        _ = r.Opaque(400); // credentials
        _ = r.UInt();
        _ = r.Opaque(400); // verifier
        header = (xid, program != _program ? RpcProtocol.ProgramUnavailable : version != _version ? RpcProtocol.ProgramMismatch : RpcProtocol.Success);
        return header.Status == RpcProtocol.Success ? new RpcCall(xid, program, version, procedure, r) : null;
    }
}
