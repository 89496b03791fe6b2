using System.Net.Sockets;

using Bench.Visa.Transports;

namespace Bench.Visa.Rpc;

/// <summary>
/// An ONC RPC client for one program on one TCP connection. Replies whose xid is not the current call's (left over from a
/// call abandoned on timeout) are discarded, as PyVISA-py does.
/// </summary>
public sealed class RpcClient : IAsyncDisposable
{
    private const int MaxRecordBytes = 64 * 1024 * 1024;
    private readonly PolledSocketStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly XdrWriter _writer = new(1024);
    private uint _xid;

    private RpcClient(Socket socket, uint program, uint version)
    {
        // Records are small and the server reads each whole before it answers: a send blocks only on a stalled server.
        _stream = new PolledSocketStream(socket) { SendTimeout = TimeSpan.FromSeconds(10) };
        Program = program;
        Version = version;
        _xid = (uint)Random.Shared.Next();
    }

    public uint Program { get; }

    public uint Version { get; }

    public static async Task<RpcClient> ConnectAsync(string host, int port, uint program, uint version, CancellationToken cancellationToken)
    {
        // A blocking socket outside the runtime's epoll engine (see BlockingSocket); no timeout of its own here, the
        // caller's token bounds the connect.
        var socket = await BlockingSocket.ConnectAsync(host, port, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return new RpcClient(socket, program, version);
    }

    /// <summary>Asks the portmapper on <paramref name="host"/>:111 for the TCP port of a program.</summary>
    public static async Task<int> GetPortAsync(string host, uint program, uint version, CancellationToken cancellationToken, int portmapperPort = RpcProtocol.PortmapperPort)
    {
        await using var pmap = await ConnectAsync(host, portmapperPort, RpcProtocol.PortmapperProgram, RpcProtocol.PortmapperVersion, cancellationToken).ConfigureAwait(false);
        var reply = await pmap.CallAsync(RpcProtocol.PortmapperGetPort, w => w.UInt(program).UInt(version).UInt(RpcProtocol.ProtocolTcp).UInt(0), cancellationToken).ConfigureAwait(false);
        return (int)reply.UInt();
    }

    public async Task<XdrReader> CallAsync(uint procedure, Action<XdrWriter>? arguments, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var xid = ++_xid;
            _writer.Reset();
            RpcProtocol.CallHeader(_writer, xid, Program, Version, procedure);
            arguments?.Invoke(_writer);
            await RpcRecord.WriteAsync(_stream, _writer, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                // Replies usually arrive within microseconds: the stream waits for them in poll(2) on this thread
                // before going to a pool thread (see BlockingSocket).
                var record = await RpcRecord.ReadAsync(_stream, MaxRecordBytes, cancellationToken).ConfigureAwait(false)
                    ?? throw new IOException("the RPC server closed the connection");
                var reply = new XdrReader(record);
                if (reply.UInt() != xid)
                {
                    continue; // a late reply to an abandoned call
                }

                if (reply.UInt() != RpcProtocol.Reply)
                {
                    throw new RpcException("expected an RPC reply");
                }

                if (reply.UInt() != RpcProtocol.MsgAccepted)
                {
                    throw new RpcException("RPC call denied");
                }

                _ = reply.UInt();
                _ = reply.Opaque(400); // verifier
                var status = reply.UInt();
                return status == RpcProtocol.Success ? reply : throw new RpcException(status switch
                {
                    RpcProtocol.ProgramUnavailable => "program unavailable",
                    RpcProtocol.ProgramMismatch => "program version mismatch",
                    RpcProtocol.ProcedureUnavailable => $"procedure {procedure} unavailable",
                    RpcProtocol.GarbageArguments => "garbage arguments",
                    _ => $"RPC accept status {status}",
                });
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
