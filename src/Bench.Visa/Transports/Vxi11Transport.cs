using System.Net.Sockets;

using Bench.Core.Errors;
using Bench.Visa.Rpc;
using Bench.Visa.Vxi11;

namespace Bench.Visa.Transports;

/// <summary>
/// TCPIP INSTR over VXI-11: ONC RPC to the DEVICE_CORE program (port from the portmapper, or given with "host,port"),
/// create_link / device_write / device_read with END and termChar reasons, device_clear, locking, status byte, and
/// device_abort on the separate abort channel.
/// </summary>
public sealed class Vxi11Transport : IMessageTransport
{
    private readonly RpcClient _core;
    private readonly string _host;
    private readonly int _lid;
    private readonly int _abortPort;
    private bool _lockHeld;

    private Vxi11Transport(string resource, string host, RpcClient core, int lid, int abortPort, int maxRecvSize)
    {
        Resource = resource;
        _host = host;
        _core = core;
        _lid = lid;
        _abortPort = abortPort;
        MaxReceiveSize = maxRecvSize;
    }

    public string Resource { get; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public byte? TermChar { get; set; }

    /// <summary>How long a call waits for another link's lock before the device reports it locked.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest write the device accepts in one device_write (from create_link).</summary>
    public int MaxReceiveSize { get; }

    public int LinkId => _lid;

    public static async Task<Vxi11Transport> ConnectAsync(string resource, string host, int? port, string device, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        RpcClient? core = null;
        try
        {
            var corePort = port ?? await RpcClient.GetPortAsync(host, Vxi11Protocol.CoreProgram, Vxi11Protocol.ProgramVersion, cts.Token).ConfigureAwait(false);
            if (corePort == 0)
            {
                throw new InstrumentFaultException(resource, $"the portmapper on {host} has no VXI-11 core program registered");
            }

            core = await RpcClient.ConnectAsync(host, corePort, Vxi11Protocol.CoreProgram, Vxi11Protocol.ProgramVersion, cts.Token).ConfigureAwait(false);
            var reply = await core.CallAsync(Vxi11Protocol.CreateLink, w => w.Int(Random.Shared.Next()).Bool(false).UInt(10000).String(device), cts.Token).ConfigureAwait(false);
            var error = reply.Int();
            var lid = reply.Int();
            var abortPort = (int)reply.UInt();
            var maxRecv = (int)Math.Min(reply.UInt(), 1u << 30);
            if (error != Vxi11Protocol.NoError)
            {
                throw new InstrumentFaultException(resource, $"create_link for '{device}' failed: {Vxi11Protocol.Describe(error)}");
            }

            return new Vxi11Transport(resource, host, core, lid, abortPort, maxRecv == 0 ? 1024 : maxRecv) { Timeout = timeout };
        }
        catch (Exception ex) when (ex is SocketException or IOException or RpcException or FormatException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (core is not null)
            {
                await core.DisposeAsync().ConfigureAwait(false);
            }

            var why = ex is OperationCanceledException ? $"no answer within {timeout.TotalMilliseconds:0} ms" : ex.Message;
            throw new InstrumentFaultException(resource, $"cannot open VXI-11 link to {host}{(port is { } p ? $",{p}" : " (portmapper)")}: {why}", ex);
        }
        catch
        {
            if (core is not null)
            {
                await core.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        var offset = 0;
        do
        {
            var chunk = data.Slice(offset, Math.Min(MaxReceiveSize, data.Length - offset));
            var last = offset + chunk.Length == data.Length;
            var flags = (last && end ? Vxi11Protocol.FlagEnd : 0) | Vxi11Protocol.FlagWaitLock;
            var reply = await CallAsync(Vxi11Protocol.DeviceWrite, w => w.Int(_lid).UInt(Ms(Timeout)).UInt(Ms(LockTimeout)).Int(flags).Opaque(chunk.Span), cancellationToken).ConfigureAwait(false);
            Check(reply.Int(), "device_write");
            var accepted = (int)reply.UInt();
            if (accepted <= 0 && chunk.Length > 0)
            {
                throw new InstrumentFaultException(Resource, "device_write accepted no data");
            }

            offset += accepted;
        }
        while (offset < data.Length);
    }

    public async ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var flags = Vxi11Protocol.FlagWaitLock | (TermChar is null ? 0 : Vxi11Protocol.FlagTermCharSet);
        var request = (uint)buffer.Length;
        // The device's own io_timeout fires a little before the session's local deadline, so the link stays in step.
        var ioTimeout = Timeout - TimeSpan.FromMilliseconds(Math.Min(100, Timeout.TotalMilliseconds / 10));
        var reply = await CallAsync(Vxi11Protocol.DeviceRead, w => w.Int(_lid).UInt(request).UInt(Ms(ioTimeout)).UInt(Ms(LockTimeout)).Int(flags).Int(TermChar ?? 0), cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_read");
        var reason = reply.Int();
        var data = reply.Opaque(buffer.Length);
        data.CopyTo(buffer);
        if (data.Length == 0 && (reason & (Vxi11Protocol.ReasonEnd | Vxi11Protocol.ReasonTermChar)) == 0)
        {
            throw new InstrumentFaultException(Resource, "device_read returned no data and no END");
        }

        return new TransportRead(data.Length, (reason & (Vxi11Protocol.ReasonEnd | Vxi11Protocol.ReasonTermChar)) != 0);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync(Vxi11Protocol.DeviceClear, Generic, cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_clear");
    }

    /// <summary>Serial poll (device_readstb).</summary>
    public async Task<byte> ReadStatusByteAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync(Vxi11Protocol.DeviceReadStb, Generic, cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_readstb");
        return (byte)reply.UInt();
    }

    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync(Vxi11Protocol.DeviceTrigger, Generic, cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_trigger");
    }

    /// <summary>Exclusive lock (device_lock), waiting up to <paramref name="timeout"/> for another link to release it.</summary>
    public async Task LockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = await CallAsync(Vxi11Protocol.DeviceLock, w => w.Int(_lid).Int(Vxi11Protocol.FlagWaitLock).UInt(Ms(timeout)), cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_lock");
        _lockHeld = true;
    }

    public async Task UnlockAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync(Vxi11Protocol.DeviceUnlock, w => w.Int(_lid), cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_unlock");
        _lockHeld = false;
    }

    /// <summary>device_abort on the abort channel: ends an in-progress call of this link with error 23.</summary>
    public async Task AbortAsync(CancellationToken cancellationToken)
    {
        await using var abort = await RpcClient.ConnectAsync(_host, _abortPort, Vxi11Protocol.AbortProgram, Vxi11Protocol.ProgramVersion, cancellationToken).ConfigureAwait(false);
        var reply = await abort.CallAsync(Vxi11Protocol.DeviceAbort, w => w.Int(_lid), cancellationToken).ConfigureAwait(false);
        Check(reply.Int(), "device_abort");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            if (_lockHeld)
            {
                await _core.CallAsync(Vxi11Protocol.DeviceUnlock, w => w.Int(_lid), cts.Token).ConfigureAwait(false);
            }

            await _core.CallAsync(Vxi11Protocol.DestroyLink, w => w.Int(_lid), cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or RpcException or OperationCanceledException or ObjectDisposedException or FormatException)
        {
            // Closing anyway: the server drops the link with the connection.
        }

        await _core.DisposeAsync().ConfigureAwait(false);
    }

    private void Generic(XdrWriter w) => w.Int(_lid).Int(Vxi11Protocol.FlagWaitLock).UInt(Ms(LockTimeout)).UInt(Ms(Timeout));

    private async Task<XdrReader> CallAsync(uint procedure, Action<XdrWriter> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await _core.CallAsync(procedure, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or RpcException or FormatException or ObjectDisposedException)
        {
            throw new InstrumentFaultException(Resource, "VXI-11 connection lost: " + ex.Message, ex);
        }
    }

    private void Check(int error, string call)
    {
        if (error == Vxi11Protocol.IoTimeout)
        {
            throw new InstrumentFaultException(Resource, $"timeout: {call} reported an I/O timeout after {Timeout.TotalMilliseconds:0} ms");
        }

        if (error != Vxi11Protocol.NoError)
        {
            throw new InstrumentFaultException(Resource, $"{call} failed: {Vxi11Protocol.Describe(error)}");
        }
    }

    private static uint Ms(TimeSpan t) => t == System.Threading.Timeout.InfiniteTimeSpan ? uint.MaxValue : (uint)Math.Clamp(t.TotalMilliseconds, 0, uint.MaxValue);
}
