using System.Collections.Concurrent;
using System.Text;

using Bench.Sim.Instruments.Scpi;
using Bench.Visa.Rpc;
using Bench.Visa.Vxi11;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// A VXI-11 server on one host address serving any number of simulated devices by LAN device name (inst0, inst1…), like a
/// LAN instrument or gateway: core channel (links, write, read with END/termChar reasons, readstb, clear, lock), abort
/// channel (device_abort), and a portmapper on port 111 when it can bind it.
/// </summary>
public sealed class Vxi11Server : IAsyncDisposable
{
    private const int MaxReceiveSize = 1024 * 1024;
    private readonly ConcurrentDictionary<string, ScpiDevice> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<int, Vxi11Link> _links = new();
    private readonly ConcurrentDictionary<string, int> _locks = new(StringComparer.OrdinalIgnoreCase);
    private readonly RpcServer _core;
    private readonly RpcServer _abort;
    private readonly PortmapperServer? _portmapper;
    private readonly ILogger? _log;
    private int _nextLink;

    private Vxi11Server(string host, bool tryPortmapper, int port, ILogger? log)
    {
        Host = host;
        _log = log;
        _core = new RpcServer(RpcServer.Listen(host, port), Vxi11Protocol.CoreProgram, Vxi11Protocol.ProgramVersion, HandleCoreAsync, OnConnectionClosed, log);
        _abort = new RpcServer(RpcServer.Listen(host, 0), Vxi11Protocol.AbortProgram, Vxi11Protocol.ProgramVersion, HandleAbortAsync, null, log);
        _portmapper = tryPortmapper ? PortmapperServer.TryStart(host, log) : null;
        _portmapper?.Register(Vxi11Protocol.CoreProgram, Vxi11Protocol.ProgramVersion, _core.Port);
    }

    public string Host { get; }

    public int CorePort => _core.Port;

    public int AbortPort => _abort.Port;

    /// <summary>True when this server answers the portmapper on port 111 of its host.</summary>
    public bool HasPortmapper => _portmapper is not null;

    public static Vxi11Server Start(string host, bool tryPortmapper = true, int corePort = 0, ILogger? log = null) =>
        new(host, tryPortmapper, corePort, log);

    public void Register(string deviceName, ScpiDevice device)
    {
        if (!_devices.TryAdd(deviceName, device))
        {
            throw new InvalidOperationException($"VXI-11 device name '{deviceName}' is already served on {Host}");
        }
    }

    /// <summary>The VISA resource name of a device: through the portmapper when there is one, else with an explicit port.</summary>
    public string ResourceFor(string deviceName) =>
        HasPortmapper ? $"TCPIP::{Host}::{deviceName}::INSTR" : $"TCPIP::{Host},{CorePort}::{deviceName}::INSTR";

    public async ValueTask DisposeAsync()
    {
        if (_portmapper is not null)
        {
            await _portmapper.DisposeAsync().ConfigureAwait(false);
        }

        await _core.DisposeAsync().ConfigureAwait(false);
        await _abort.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<bool> HandleCoreAsync(RpcCall call, RpcConnection connection, XdrWriter reply)
    {
        var a = call.Arguments;
        switch (call.Procedure)
        {
            case 0:
                return true;
            case Vxi11Protocol.CreateLink:
                return await CreateLinkAsync(a, connection, reply).ConfigureAwait(false);
            case Vxi11Protocol.DestroyLink:
                reply.Int(Destroy(a.Int()) ? Vxi11Protocol.NoError : Vxi11Protocol.InvalidLinkIdentifier);
                return true;
            case Vxi11Protocol.DeviceUnlock:
                reply.Int(Unlock(a.Int()));
                return true;
        }

        if (!_links.TryGetValue(a.Int(), out var link))
        {
            reply.Int(Vxi11Protocol.InvalidLinkIdentifier);
            if (call.Procedure == Vxi11Protocol.DeviceRead)
            {
                reply.Int(0).Opaque([]);
            }
            else if (call.Procedure is Vxi11Protocol.DeviceWrite or Vxi11Protocol.DeviceReadStb)
            {
                reply.UInt(0);
            }

            return true;
        }

        switch (call.Procedure)
        {
            case Vxi11Protocol.DeviceWrite:
                return await WriteAsync(link, a, reply).ConfigureAwait(false);
            case Vxi11Protocol.DeviceRead:
                await ReadAsync(link, a, reply).ConfigureAwait(false);
                return true;
            case Vxi11Protocol.DeviceReadStb:
                reply.Int(Vxi11Protocol.NoError).UInt(link.RemainingOutput > 0 || link.Pending is { IsCompleted: true } ? 0x10u : 0u);
                return true;
            case Vxi11Protocol.DeviceClear:
                link.Incoming.Clear();
                link.Pending = null;
                link.Outgoing = [];
                link.OutgoingOffset = 0;
                reply.Int(Vxi11Protocol.NoError);
                return true;
            case Vxi11Protocol.DeviceTrigger or Vxi11Protocol.DeviceRemote or Vxi11Protocol.DeviceLocal:
                reply.Int(Vxi11Protocol.NoError);
                return true;
            case Vxi11Protocol.DeviceLock:
                var flags = a.Int();
                var timeout = a.UInt();
                reply.Int(await LockAsync(link, (flags & Vxi11Protocol.FlagWaitLock) != 0 ? timeout : 0).ConfigureAwait(false));
                return true;
            case Vxi11Protocol.DeviceEnableSrq or Vxi11Protocol.CreateInterruptChannel or Vxi11Protocol.DestroyInterruptChannel:
                reply.Int(Vxi11Protocol.OperationNotSupported);
                return true;
            case Vxi11Protocol.DeviceDoCmd:
                reply.Int(Vxi11Protocol.OperationNotSupported).Opaque([]);
                return true;
            default:
                throw new RpcServerFault(RpcProtocol.ProcedureUnavailable);
        }
    }

    private async Task<bool> CreateLinkAsync(XdrReader a, RpcConnection connection, XdrWriter reply)
    {
        _ = a.Int(); // client id
        var lockDevice = a.Bool();
        var lockTimeout = a.UInt();
        var name = a.String(256);
        if (!_devices.TryGetValue(name, out var device))
        {
            reply.Int(Vxi11Protocol.DeviceNotAccessible).Int(0).UInt((uint)AbortPort).UInt(MaxReceiveSize);
            return true;
        }

        var link = new Vxi11Link(Interlocked.Increment(ref _nextLink), name, device, connection);
        _links[link.Id] = link;
        var error = lockDevice ? await LockAsync(link, lockTimeout).ConfigureAwait(false) : Vxi11Protocol.NoError;
        reply.Int(error).Int(link.Id).UInt((uint)AbortPort).UInt(MaxReceiveSize);
        return true;
    }

    private async Task<bool> WriteAsync(Vxi11Link link, XdrReader a, XdrWriter reply)
    {
        _ = a.UInt(); // io_timeout
        var lockTimeout = a.UInt();
        var flags = a.Int();
        var data = a.Opaque(MaxReceiveSize);
        if (!await WaitForLockAsync(link, (flags & Vxi11Protocol.FlagWaitLock) != 0 ? lockTimeout : 0).ConfigureAwait(false))
        {
            reply.Int(Vxi11Protocol.DeviceLockedByAnotherLink).UInt(0);
            return true;
        }

        link.Incoming.AddRange(data.Span);
        if ((flags & Vxi11Protocol.FlagEnd) != 0)
        {
            var message = Encoding.Latin1.GetString([.. link.Incoming]);
            link.Incoming.Clear();
            link.Outgoing = [];
            link.OutgoingOffset = 0;
            link.Pending = ProcessAsync(link, message);
            if (link.Pending is { IsCompleted: true, Result.Drop: true })
            {
                return false;
            }
        }

        reply.Int(Vxi11Protocol.NoError).UInt((uint)data.Length);
        return true;
    }

    private async Task<DeviceReply> ProcessAsync(Vxi11Link link, string message)
    {
        var replies = new List<string>();
        foreach (var line in message.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            var r = await link.Device.ProcessAsync(text, link.Connection, link.Owner.Closed).ConfigureAwait(false);
            if (r.Drop)
            {
                link.Owner.Close();
                return r;
            }

            if (r.Text is { } t)
            {
                replies.Add(t);
            }
        }

        return replies.Count == 0 ? DeviceReply.None : new DeviceReply(string.Join(";", replies) + link.Device.Profile.Transport.ReadTermination, false);
    }

    private async Task ReadAsync(Vxi11Link link, XdrReader a, XdrWriter reply)
    {
        var requestSize = (int)Math.Min(a.UInt(), MaxReceiveSize);
        var ioTimeout = a.UInt();
        var lockTimeout = a.UInt();
        var flags = a.Int();
        var termChar = (byte)a.Int();
        if (!await WaitForLockAsync(link, (flags & Vxi11Protocol.FlagWaitLock) != 0 ? lockTimeout : 0).ConfigureAwait(false))
        {
            reply.Int(Vxi11Protocol.DeviceLockedByAnotherLink).Int(0).Opaque([]);
            return;
        }

        if (link.RemainingOutput == 0)
        {
            var error = await AwaitReplyAsync(link, ioTimeout).ConfigureAwait(false);
            if (error != Vxi11Protocol.NoError)
            {
                reply.Int(error).Int(0).Opaque([]);
                return;
            }
        }

        var available = link.Outgoing.AsSpan(link.OutgoingOffset, Math.Min(requestSize, link.RemainingOutput));
        var reason = 0;
        if ((flags & Vxi11Protocol.FlagTermCharSet) != 0 && available.IndexOf(termChar) is var t and >= 0)
        {
            available = available[..(t + 1)];
            reason |= Vxi11Protocol.ReasonTermChar;
        }

        link.OutgoingOffset += available.Length;
        if (link.RemainingOutput == 0)
        {
            reason |= Vxi11Protocol.ReasonEnd;
            link.Pending = null;
        }
        else if (reason == 0)
        {
            reason = Vxi11Protocol.ReasonRequestCount;
        }

        reply.Int(Vxi11Protocol.NoError).Int(reason).Opaque(available);
    }

    private async Task<int> AwaitReplyAsync(Vxi11Link link, uint ioTimeoutMs)
    {
        if (link.Pending is not { } pending)
        {
            await Delay(link, ioTimeoutMs).ConfigureAwait(false);
            return link.Abort.IsCancellationRequested ? ResetAbort(link) : Vxi11Protocol.IoTimeout;
        }

        try
        {
            var r = await pending.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(ioTimeoutMs, int.MaxValue)), link.Abort.Token).ConfigureAwait(false);
            if (r.Text is null)
            {
                link.Pending = null;
                await Delay(link, ioTimeoutMs).ConfigureAwait(false);
                return Vxi11Protocol.IoTimeout;
            }

            link.Outgoing = Encoding.Latin1.GetBytes(r.Text);
            link.OutgoingOffset = 0;
            return Vxi11Protocol.NoError;
        }
        catch (TimeoutException)
        {
            return Vxi11Protocol.IoTimeout;
        }
        catch (OperationCanceledException)
        {
            return link.Abort.IsCancellationRequested ? ResetAbort(link) : Vxi11Protocol.IoError;
        }
    }

    private static async Task Delay(Vxi11Link link, uint ms)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(ms, 60_000)), link.Abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static int ResetAbort(Vxi11Link link)
    {
        link.Abort.Dispose();
        link.Abort = new CancellationTokenSource();
        return Vxi11Protocol.Abort;
    }

    private Task<bool> HandleAbortAsync(RpcCall call, RpcConnection connection, XdrWriter reply)
    {
        if (call.Procedure != Vxi11Protocol.DeviceAbort)
        {
            throw new RpcServerFault(RpcProtocol.ProcedureUnavailable);
        }

        if (_links.TryGetValue(call.Arguments.Int(), out var link))
        {
            link.Abort.Cancel();
            reply.Int(Vxi11Protocol.NoError);
        }
        else
        {
            reply.Int(Vxi11Protocol.InvalidLinkIdentifier);
        }

        return Task.FromResult(true);
    }

    private async Task<int> LockAsync(Vxi11Link link, uint timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var holder = _locks.GetOrAdd(link.DeviceName, link.Id);
            if (holder == link.Id)
            {
                return Vxi11Protocol.NoError;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return Vxi11Protocol.DeviceLockedByAnotherLink;
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    private async Task<bool> WaitForLockAsync(Vxi11Link link, uint timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (_locks.TryGetValue(link.DeviceName, out var holder) && holder != link.Id)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(5).ConfigureAwait(false);
        }

        return true;
    }

    private int Unlock(int lid)
    {
        if (!_links.TryGetValue(lid, out var link))
        {
            return Vxi11Protocol.InvalidLinkIdentifier;
        }

        return _locks.TryRemove(new KeyValuePair<string, int>(link.DeviceName, lid)) ? Vxi11Protocol.NoError : Vxi11Protocol.NoLockHeldByThisLink;
    }

    private bool Destroy(int lid)
    {
        if (!_links.TryRemove(lid, out var link))
        {
            return false;
        }

        _locks.TryRemove(new KeyValuePair<string, int>(link.DeviceName, lid));
        link.Device.OnDisconnected(link.Connection);
        _log?.LogDebug("VXI-11 link {Link} to {Device} closed", lid, link.DeviceName);
        return true;
    }

    private void OnConnectionClosed(RpcConnection connection)
    {
        foreach (var link in _links.Values.Where(l => ReferenceEquals(l.Owner, connection)))
        {
            Destroy(link.Id);
        }
    }
}
