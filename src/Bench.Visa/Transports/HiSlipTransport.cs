using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

using Bench.Core.Errors;
using Bench.Visa.HiSlip;

namespace Bench.Visa.Transports;

/// <summary>
/// TCPIP INSTR over HiSLIP (IVI-6.1): a synchronous channel for data and an asynchronous one for control (max message
/// size, lock, status, device clear). Writes are split to the server's maximum message size; replies are matched to the
/// MessageID of the DataEnd they answer, so a late reply to an abandoned query is discarded.
/// </summary>
public sealed class HiSlipTransport : IMessageTransport
{
    public const ushort ProtocolVersion = 0x0100;
    public const ulong ClientMaxMessageSize = 1024 * 1024;
    private static readonly byte[] VendorId = "BN"u8.ToArray();
    private readonly PolledSocketStream _sync;
    private readonly PolledSocketStream _async;
    private uint _messageId = HiSlipMessage.FirstMessageId;
    private uint _expectedReplyId = HiSlipMessage.FirstMessageId;
    private bool _rmtDelivered;
    private HiSlipMessage? _partial;
    private int _partialOffset;

    private HiSlipTransport(string resource, PolledSocketStream sync, PolledSocketStream async, ushort sessionId, bool overlapped, ushort serverVersion)
    {
        Resource = resource;
        _sync = sync;
        _async = async;
        SessionId = sessionId;
        Overlapped = overlapped;
        ServerVersion = serverVersion;
    }

    public string Resource { get; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public byte? TermChar { get; set; }

    public ushort SessionId { get; }

    /// <summary>The server's preferred mode from InitializeResponse: overlapped (true) or synchronized.</summary>
    public bool Overlapped { get; }

    public ushort ServerVersion { get; }

    /// <summary>The server's maximum message size from AsyncMaxMsgSizeResponse.</summary>
    public ulong ServerMaxMessageSize { get; private set; } = ulong.MaxValue;

    public static async Task<HiSlipTransport> ConnectAsync(string resource, string host, int port, string subAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        PolledSocketStream? sync = null;
        PolledSocketStream? async = null;
        try
        {
            // Blocking sockets outside the runtime's epoll engine (see BlockingSocket); the linked token bounds the connects.
            sync = new PolledSocketStream(await BlockingSocket.ConnectAsync(host, port, System.Threading.Timeout.InfiniteTimeSpan, cts.Token).ConfigureAwait(false)) { SendTimeout = timeout };
            var init = new HiSlipMessage(HiSlipMessageType.Initialize, 0, ((uint)ProtocolVersion << 16) | ((uint)VendorId[0] << 8) | VendorId[1], Encoding.ASCII.GetBytes(subAddress));
            await init.WriteAsync(sync, cts.Token).ConfigureAwait(false);
            var response = await Expect(resource, sync, HiSlipMessageType.InitializeResponse, cts.Token).ConfigureAwait(false);
            var sessionId = (ushort)(response.Parameter & 0xFFFF);

            async = new PolledSocketStream(await BlockingSocket.ConnectAsync(host, port, System.Threading.Timeout.InfiniteTimeSpan, cts.Token).ConfigureAwait(false)) { SendTimeout = timeout };
            await new HiSlipMessage(HiSlipMessageType.AsyncInitialize, 0, sessionId, ReadOnlyMemory<byte>.Empty).WriteAsync(async, cts.Token).ConfigureAwait(false);
            _ = await Expect(resource, async, HiSlipMessageType.AsyncInitializeResponse, cts.Token).ConfigureAwait(false);

            var transport = new HiSlipTransport(resource, sync, async, sessionId, response.ControlCode == 1, (ushort)(response.Parameter >> 16)) { Timeout = timeout };
            var size = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(size, ClientMaxMessageSize);
            var max = await transport.AsyncAsync(new HiSlipMessage(HiSlipMessageType.AsyncMaxMsgSize, 0, 0, size), HiSlipMessageType.AsyncMaxMsgSizeResponse, cts.Token).ConfigureAwait(false);
            transport.ServerMaxMessageSize = max.Payload.Length >= 8 ? BinaryPrimitives.ReadUInt64BigEndian(max.Payload.Span) : ulong.MaxValue;
            return transport;
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            sync?.Dispose();
            async?.Dispose();
            var why = ex is OperationCanceledException ? $"no answer within {timeout.TotalMilliseconds:0} ms" : ex.Message;
            throw new InstrumentFaultException(resource, $"cannot open HiSLIP session '{subAddress}' on {host}:{port}: {why}", ex);
        }
        catch
        {
            sync?.Dispose();
            async?.Dispose();
            throw;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        // Header included, a message may not exceed the server's maximum (vxi11-hislip.md §3).
        var chunk = (int)Math.Clamp(ServerMaxMessageSize - HiSlipMessage.HeaderBytes, 1, 1 << 20);
        var offset = 0;
        do
        {
            var part = data.Slice(offset, Math.Min(chunk, data.Length - offset));
            offset += part.Length;
            var last = offset == data.Length;
            var type = last && end ? HiSlipMessageType.DataEnd : HiSlipMessageType.Data;
            var message = new HiSlipMessage(type, _rmtDelivered ? (byte)1 : (byte)0, _messageId, part);
            _rmtDelivered = false;
            await Guard(() => message.WriteAsync(_sync, cancellationToken).AsTask()).ConfigureAwait(false);
            if (type == HiSlipMessageType.DataEnd)
            {
                _expectedReplyId = _messageId;
                _partial = null;
            }

            _messageId += 2;
        }
        while (offset < data.Length);
    }

    public async ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_partial is { } p)
            {
                var n = Math.Min(buffer.Length, p.Payload.Length - _partialOffset);
                p.Payload.Slice(_partialOffset, n).CopyTo(buffer);
                _partialOffset += n;
                var done = _partialOffset == p.Payload.Length;
                if (done)
                {
                    _partial = null;
                }

                var end = done && p.Type == HiSlipMessageType.DataEnd;
                if (end)
                {
                    _rmtDelivered = true;
                }

                if (n > 0 || end)
                {
                    return new TransportRead(n, end);
                }

                continue;
            }

            var m = await Guard(() => HiSlipMessage.ReadAsync(_sync, ClientMaxMessageSize * 64, cancellationToken)).ConfigureAwait(false)
                ?? throw new InstrumentFaultException(Resource, "the instrument closed the HiSLIP connection");
            switch (m.Type)
            {
                case HiSlipMessageType.Data or HiSlipMessageType.DataEnd:
                    if (m.Parameter == _expectedReplyId || m.Parameter == 0xFFFF_FFFF)
                    {
                        _partial = m;
                        _partialOffset = 0;
                    }

                    break; // else: a late reply to an earlier message
                case HiSlipMessageType.Interrupted:
                    break;
                case HiSlipMessageType.Error or HiSlipMessageType.FatalError:
                    throw new InstrumentFaultException(Resource, $"HiSLIP {(m.Type == HiSlipMessageType.FatalError ? "fatal " : string.Empty)}error {m.ControlCode}: {Encoding.ASCII.GetString(m.Payload.Span)}");
                default:
                    throw new InstrumentFaultException(Resource, $"unexpected HiSLIP message {m.Type} on the synchronous channel");
            }
        }
    }

    /// <summary>Device clear: AsyncDeviceClear → acknowledge → DeviceClearComplete → DeviceClearAcknowledge, discarding data in between.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var ack = await AsyncAsync(new HiSlipMessage(HiSlipMessageType.AsyncDeviceClear, 0, 0, ReadOnlyMemory<byte>.Empty), HiSlipMessageType.AsyncDeviceClearAcknowledge, cancellationToken).ConfigureAwait(false);
        await Guard(() => new HiSlipMessage(HiSlipMessageType.DeviceClearComplete, ack.ControlCode, 0, ReadOnlyMemory<byte>.Empty).WriteAsync(_sync, cancellationToken).AsTask()).ConfigureAwait(false);
        while (true)
        {
            var m = await Guard(() => HiSlipMessage.ReadAsync(_sync, ClientMaxMessageSize * 64, cancellationToken)).ConfigureAwait(false)
                ?? throw new InstrumentFaultException(Resource, "the instrument closed the HiSLIP connection during device clear");
            if (m.Type == HiSlipMessageType.DeviceClearAcknowledge)
            {
                break;
            }
        }

        _partial = null;
        _messageId = HiSlipMessage.FirstMessageId;
        _expectedReplyId = HiSlipMessage.FirstMessageId;
        _rmtDelivered = false;
    }

    /// <summary>AsyncStatusQuery: the status byte (MAV = bit 4).</summary>
    public async Task<byte> ReadStatusByteAsync(CancellationToken cancellationToken)
    {
        var r = await AsyncAsync(new HiSlipMessage(HiSlipMessageType.AsyncStatusQuery, _rmtDelivered ? (byte)1 : (byte)0, _messageId, ReadOnlyMemory<byte>.Empty), HiSlipMessageType.AsyncStatusResponse, cancellationToken).ConfigureAwait(false);
        return r.ControlCode;
    }

    /// <summary>Requests the exclusive lock, waiting up to <paramref name="timeout"/>; false when another client keeps it.</summary>
    public async Task<bool> LockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var r = await AsyncAsync(new HiSlipMessage(HiSlipMessageType.AsyncLock, 1, (uint)timeout.TotalMilliseconds, ReadOnlyMemory<byte>.Empty), HiSlipMessageType.AsyncLockResponse, cancellationToken).ConfigureAwait(false);
        return r.ControlCode == 1;
    }

    public async Task<bool> UnlockAsync(CancellationToken cancellationToken)
    {
        var r = await AsyncAsync(new HiSlipMessage(HiSlipMessageType.AsyncLock, 0, _messageId - 2, ReadOnlyMemory<byte>.Empty), HiSlipMessageType.AsyncLockResponse, cancellationToken).ConfigureAwait(false);
        return r.ControlCode == 1;
    }

    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        var message = new HiSlipMessage(HiSlipMessageType.Trigger, _rmtDelivered ? (byte)1 : (byte)0, _messageId, ReadOnlyMemory<byte>.Empty);
        _rmtDelivered = false;
        await Guard(() => message.WriteAsync(_sync, cancellationToken).AsTask()).ConfigureAwait(false);
        _messageId += 2;
    }

    public ValueTask DisposeAsync()
    {
        _sync.Dispose();
        _async.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<HiSlipMessage> AsyncAsync(HiSlipMessage request, HiSlipMessageType expected, CancellationToken cancellationToken)
    {
        await Guard(() => request.WriteAsync(_async, cancellationToken).AsTask()).ConfigureAwait(false);
        return await Guard(() => Expect(Resource, _async, expected, cancellationToken, skipUnsolicited: true)).ConfigureAwait(false);
    }

    private static async Task<HiSlipMessage> Expect(string resource, Stream stream, HiSlipMessageType expected, CancellationToken cancellationToken, bool skipUnsolicited = false)
    {
        while (true)
        {
            var m = await HiSlipMessage.ReadAsync(stream, ClientMaxMessageSize, cancellationToken).ConfigureAwait(false)
                ?? throw new InstrumentFaultException(resource, $"the instrument closed the HiSLIP connection while {expected} was awaited");
            if (m.Type == expected)
            {
                return m;
            }

            if (skipUnsolicited && m.Type is HiSlipMessageType.AsyncServiceRequest or HiSlipMessageType.AsyncInterrupted)
            {
                continue;
            }

            var text = Encoding.ASCII.GetString(m.Payload.Span);
            throw new InstrumentFaultException(resource, m.Type is HiSlipMessageType.Error or HiSlipMessageType.FatalError
                ? $"HiSLIP {m.Type} {m.ControlCode}: {text}"
                : $"expected HiSLIP {expected}, got {m.Type}");
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> io)
    {
        try
        {
            return await io().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException or ObjectDisposedException)
        {
            throw new InstrumentFaultException(Resource, "HiSLIP connection lost: " + ex.Message, ex);
        }
    }

    private async Task Guard(Func<Task> io)
    {
        try
        {
            await io().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException or ObjectDisposedException)
        {
            throw new InstrumentFaultException(Resource, "HiSLIP connection lost: " + ex.Message, ex);
        }
    }
}
