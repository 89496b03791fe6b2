using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

using Bench.Sim.Instruments.Scpi;
using Bench.Visa.HiSlip;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// A HiSLIP 1.0 server serving simulated devices by sub-address (hislip0, hislip1…): Initialize/AsyncInitialize pairing,
/// Data/DataEnd with MessageIDs, max message size, device clear, status query, advisory exclusive lock, remote/local.
/// Synchronized mode by default; overlapped when asked. Interrupted-query handling follows vxi11-hislip.md (unconfirmed
/// parts of IVI-6.1 are marked there).
/// </summary>
public sealed class HiSlipServer : IAsyncDisposable
{
    public const ulong ServerMaxMessageSize = 256 * 1024;
    private static readonly byte[] Vendor = "BS"u8.ToArray();
    private readonly TcpConnectionHost _connections;
    private readonly ConcurrentDictionary<string, ScpiDevice> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<ushort, HiSlipSession> _sessions = new();
    private readonly ExclusiveLocks _locks = new();
    private readonly ILogger? _log;
    private int _nextSession;

    private HiSlipServer(TcpListener listener, bool overlapped, ILogger? log)
    {
        Overlapped = overlapped;
        _log = log;
        _connections = new TcpConnectionHost(listener, ServeAsync);
    }

    public string Host => _connections.Host;

    public int Port => _connections.Port;

    public bool Overlapped { get; }

    public static HiSlipServer Start(string host, int port = 0, bool overlapped = false, ILogger? log = null)
    {
        var listener = new TcpListener(IPAddress.Parse(host), port);
        listener.Start();
        return new HiSlipServer(listener, overlapped, log);
    }

    public void Register(string subAddress, ScpiDevice device)
    {
        if (!_devices.TryAdd(subAddress, device))
        {
            throw new InvalidOperationException($"HiSLIP sub-address '{subAddress}' is already served on {Host}:{Port}");
        }
    }

    public string ResourceFor(string subAddress) => $"TCPIP::{Host}::{subAddress},{Port}::INSTR";

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    private async Task ServeAsync(TcpClient client)
    {
        HiSlipSession? session = null;
        var stream = client.GetStream();
        try
        {
            var first = await HiSlipMessage.ReadAsync(stream, 4096, _connections.Stopping).ConfigureAwait(false);
            if (first is null)
            {
                return;
            }

            if (first.Type == HiSlipMessageType.Initialize)
            {
                var sub = Encoding.ASCII.GetString(first.Payload.Span);
                if (!_devices.TryGetValue(sub, out var device))
                {
                    await Send(stream, null, HiSlipMessageType.FatalError, 0, 0, Encoding.ASCII.GetBytes($"no device at sub-address '{sub}'")).ConfigureAwait(false);
                    return;
                }

                var id = (ushort)Interlocked.Increment(ref _nextSession);
                session = new HiSlipSession(id, sub, device, client, client.Client.RemoteEndPoint?.ToString() ?? "?");
                _sessions[id] = session;
                await Send(stream, session.SyncWrite, HiSlipMessageType.InitializeResponse, Overlapped ? (byte)1 : (byte)0, ((uint)0x0100 << 16) | id, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                await SyncLoopAsync(session, stream).ConfigureAwait(false);
            }
            else if (first.Type == HiSlipMessageType.AsyncInitialize && _sessions.TryGetValue((ushort)first.Parameter, out var owner) && owner.Async is null)
            {
                owner.Async = client;
                await Send(stream, owner.AsyncWrite, HiSlipMessageType.AsyncInitializeResponse, 0, ((uint)Vendor[0] << 8) | Vendor[1], ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                await AsyncLoopAsync(owner, stream).ConfigureAwait(false);
            }
            else
            {
                await Send(stream, null, HiSlipMessageType.FatalError, 3, 0, "expected Initialize or AsyncInitialize for an open session"u8.ToArray()).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            _log?.LogDebug("HiSLIP connection ended: {Reason}", ex.Message);
        }
        finally
        {
            client.Dispose();
            if (session is not null)
            {
                End(session);
            }
        }
    }

    private async Task SyncLoopAsync(HiSlipSession session, NetworkStream stream)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_connections.Stopping, session.Closed.Token);
        while (true)
        {
            var m = await HiSlipMessage.ReadAsync(stream, ServerMaxMessageSize * 4, linked.Token).ConfigureAwait(false);
            if (m is null)
            {
                return;
            }

            switch (m.Type)
            {
                case HiSlipMessageType.Data or HiSlipMessageType.DataEnd:
                    if ((ulong)m.Payload.Length + HiSlipMessage.HeaderBytes > ServerMaxMessageSize)
                    {
                        await Send(stream, session.SyncWrite, HiSlipMessageType.Error, 4, 0, "message exceeds the maximum message size"u8.ToArray()).ConfigureAwait(false);
                        session.Incoming.Clear();
                        break;
                    }

                    await InterruptIfUnreadAsync(session, m, stream).ConfigureAwait(false);
                    session.Incoming.AddRange(m.Payload.Span);
                    if (m.Type == HiSlipMessageType.DataEnd && !await AnswerAsync(session, stream, m.Parameter, linked.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    break;
                case HiSlipMessageType.Trigger:
                    break;
                case HiSlipMessageType.DeviceClearComplete:
                    session.Incoming.Clear();
                    session.ReplyOutstanding = false;
                    await Send(stream, session.SyncWrite, HiSlipMessageType.DeviceClearAcknowledge, m.ControlCode, 0, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                    break;
                default:
                    await Send(stream, session.SyncWrite, HiSlipMessageType.Error, 1, 0, Encoding.ASCII.GetBytes($"unrecognised message type {(byte)m.Type}")).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task InterruptIfUnreadAsync(HiSlipSession session, HiSlipMessage m, NetworkStream sync)
    {
        // A new message while the previous reply was not read (RMT-delivered = 0): the query was interrupted.
        if (session.ReplyOutstanding && (m.ControlCode & 1) == 0)
        {
            if (Overlapped)
            {
                await Send(sync, session.SyncWrite, HiSlipMessageType.Interrupted, 0, m.Parameter, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
            }
            else if (session.Async?.Connected == true)
            {
                await Send(session.Async.GetStream(), session.AsyncWrite, HiSlipMessageType.AsyncInterrupted, 0, m.Parameter, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
            }
        }

        session.ReplyOutstanding = false;
    }

    private async Task<bool> AnswerAsync(HiSlipSession session, NetworkStream stream, uint messageId, CancellationToken ct)
    {
        var text = Encoding.Latin1.GetString([.. session.Incoming]);
        session.Incoming.Clear();
        var replies = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var command = line.TrimEnd('\r');
            if (command.Length == 0)
            {
                continue;
            }

            var r = await session.Device.ProcessAsync(command, session.Connection, ct).ConfigureAwait(false);
            if (r.Drop)
            {
                session.Closed.Cancel();
                session.Async?.Client.Close();
                return false;
            }

            if (r.Text is { } t)
            {
                replies.Add(t);
            }
        }

        if (replies.Count == 0)
        {
            return true;
        }

        var bytes = Encoding.Latin1.GetBytes(string.Join(";", replies) + session.Device.Profile.Transport.ReadTermination);
        var chunk = (int)Math.Clamp(Math.Min(session.ClientMaxMessageSize, ServerMaxMessageSize) - HiSlipMessage.HeaderBytes, 1, int.MaxValue);
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            var n = Math.Min(chunk, bytes.Length - offset);
            var type = offset + n == bytes.Length ? HiSlipMessageType.DataEnd : HiSlipMessageType.Data;
            await Send(stream, session.SyncWrite, type, 0, messageId, bytes.AsMemory(offset, n)).ConfigureAwait(false);
        }

        session.ReplyOutstanding = true;
        return true;
    }

    private async Task AsyncLoopAsync(HiSlipSession session, NetworkStream stream)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_connections.Stopping, session.Closed.Token);
        while (true)
        {
            var m = await HiSlipMessage.ReadAsync(stream, 4096, linked.Token).ConfigureAwait(false);
            if (m is null)
            {
                return;
            }

            switch (m.Type)
            {
                case HiSlipMessageType.AsyncMaxMsgSize:
                    session.ClientMaxMessageSize = m.Payload.Length >= 8 ? BinaryPrimitives.ReadUInt64BigEndian(m.Payload.Span) : ulong.MaxValue;
                    var size = new byte[8];
                    BinaryPrimitives.WriteUInt64BigEndian(size, ServerMaxMessageSize);
                    await Send(stream, session.AsyncWrite, HiSlipMessageType.AsyncMaxMsgSizeResponse, 0, 0, size).ConfigureAwait(false);
                    break;
                case HiSlipMessageType.AsyncDeviceClear:
                    session.Incoming.Clear();
                    await Send(stream, session.AsyncWrite, HiSlipMessageType.AsyncDeviceClearAcknowledge, 0, 0, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                    break;
                case HiSlipMessageType.AsyncStatusQuery:
                    if ((m.ControlCode & 1) != 0)
                    {
                        session.ReplyOutstanding = false;
                    }

                    await Send(stream, session.AsyncWrite, HiSlipMessageType.AsyncStatusResponse, session.ReplyOutstanding ? (byte)0x10 : (byte)0, 0, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                    break;
                case HiSlipMessageType.AsyncLock:
                    var granted = m.ControlCode == 1 ? await LockAsync(session, m.Parameter, linked.Token).ConfigureAwait(false) : Unlock(session);
                    await Send(stream, session.AsyncWrite, HiSlipMessageType.AsyncLockResponse, granted ? (byte)1 : (m.ControlCode == 1 ? (byte)0 : (byte)3), 0, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                    break;
                case HiSlipMessageType.AsyncLockInfo:
                    var held = _locks.IsHeld(session.SubAddress);
                    await Send(stream, session.AsyncWrite, HiSlipMessageType.AsyncLockInfoResponse, held ? (byte)1 : (byte)0, held ? 1u : 0u, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                    break;
                case HiSlipMessageType.AsyncRemoteLocalControl:
                    await Send(stream, session.AsyncWrite, HiSlipMessageType.AsyncRemoteLocalResponse, 0, 0, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
                    break;
                default:
                    await Send(stream, session.AsyncWrite, HiSlipMessageType.Error, 1, 0, Encoding.ASCII.GetBytes($"unrecognised message type {(byte)m.Type}")).ConfigureAwait(false);
                    break;
            }
        }
    }

    private Task<bool> LockAsync(HiSlipSession session, uint timeoutMs, CancellationToken ct) =>
        _locks.AcquireAsync(session.SubAddress, session.Id, timeoutMs, ct);

    private bool Unlock(HiSlipSession session) => _locks.Release(session.SubAddress, session.Id);

    private void End(HiSlipSession session)
    {
        if (_sessions.TryRemove(session.Id, out _))
        {
            Unlock(session);
            session.Closed.Cancel();
            session.Async?.Dispose();
            session.Device.OnDisconnected(session.Connection);
        }
    }

    private static async Task Send(Stream stream, SemaphoreSlim? gate, HiSlipMessageType type, byte controlCode, uint parameter, ReadOnlyMemory<byte> payload)
    {
        var bytes = new HiSlipMessage(type, controlCode, parameter, payload).Encode();
        if (gate is null)
        {
            await stream.WriteAsync(bytes).ConfigureAwait(false);
            return;
        }

        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
