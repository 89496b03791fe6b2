using System.Collections.Concurrent;
using System.Net.Sockets;

using Bench.Visa.Rpc;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// A TCP portmapper (program 100000 v2: NULL, GETPORT, DUMP) so that VXI-11 clients such as pyvisa-py find the core
/// channel. Binds port 111, which needs privileges; <see cref="TryStart"/> returns null when it cannot.
/// </summary>
public sealed class PortmapperServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(uint Program, uint Version, uint Protocol), int> _map = new();
    private readonly RpcServer _server;

    private PortmapperServer(TcpListener listener, ILogger? log)
    {
        _server = new RpcServer(listener, RpcProtocol.PortmapperProgram, RpcProtocol.PortmapperVersion, HandleAsync, null, log);
    }

    public int Port => _server.Port;

    public static PortmapperServer? TryStart(string host, ILogger? log, int port = RpcProtocol.PortmapperPort)
    {
        var listener = RpcServer.Listen(host, port);
        try
        {
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            return new PortmapperServer(listener, log);
        }
        catch (SocketException ex)
        {
            log?.LogInformation("portmapper not started on {Host}:{Port}: {Reason}", host, port, ex.Message);
            listener.Dispose();
            return null;
        }
    }

    public void Register(uint program, uint version, int port) => _map[(program, version, RpcProtocol.ProtocolTcp)] = port;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task<bool> HandleAsync(RpcCall call, RpcConnection connection, XdrWriter reply)
    {
        switch (call.Procedure)
        {
            case 0:
                break;
            case RpcProtocol.PortmapperGetPort:
                var program = call.Arguments.UInt();
                var version = call.Arguments.UInt();
                var protocol = call.Arguments.UInt();
                reply.UInt(_map.TryGetValue((program, version, protocol), out var port) ? (uint)port : 0u);
                break;
            case RpcProtocol.PortmapperDump:
                foreach (var ((p, v, prot), port2) in _map)
                {
                    reply.Bool(true).UInt(p).UInt(v).UInt(prot).UInt((uint)port2);
                }

                reply.Bool(false);
                break;
            default:
                throw new RpcServerFault(RpcProtocol.ProcedureUnavailable);
        }

        return Task.FromResult(true);
    }
}
