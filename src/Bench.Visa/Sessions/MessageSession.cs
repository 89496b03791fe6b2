using System.Text;

using Bench.Core.Errors;
using Bench.Visa.Transports;

namespace Bench.Visa.Sessions;

/// <summary>
/// Messages over a transport: writes with the write termination, reads until END or the termination character,
/// IEEE 488.2 definite-length blocks read by length, a timeout on every operation, and one I/O lock that callers
/// hold around a write and its reply (<see cref="AcquireAsync"/>) so concurrent users never interleave.
/// </summary>
public sealed class MessageSession : IAsyncDisposable
{
    private readonly SemaphoreSlim _io = new(1, 1);
    private byte[] _rx = new byte[8192];
    private int _rxStart;
    private int _rxEnd;
    private bool _endAtRxEnd;
    private CancellationTokenSource? _spareDeadline;

    public MessageSession(IMessageTransport transport, VisaSessionOptions options)
    {
        Transport = transport;
        Options = options;
        transport.Timeout = options.Timeout;
        transport.TermChar = options.ReadTermination;
    }

    public IMessageTransport Transport { get; }

    public VisaSessionOptions Options { get; }

    public string Resource => Transport.Resource;

    public static Encoding TextEncoding { get; } = Encoding.Latin1;

    /// <summary>Takes the session's I/O lock; dispose the result to release it.</summary>
    public async ValueTask<IoLock> AcquireAsync(CancellationToken cancellationToken)
    {
        await _io.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new IoLock(_io);
    }

    public async Task WriteAsync(string text, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var bytes = TextEncoding.GetBytes(text + Options.WriteTermination);
        await WriteBytesAsync(bytes, cancellationToken, timeout).ConfigureAwait(false);
    }

    public async Task WriteBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.Timeout;
        Transport.Timeout = limit;
        using var cts = Deadline(cancellationToken, limit);
        try
        {
            await Transport.WriteAsync(bytes, Options.SendEnd, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InstrumentFaultException(Resource, $"timeout: write not accepted within {limit.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Reads one message (until END or the termination character) and returns it without the terminator.</summary>
    public async Task<string> ReadStringAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var bytes = await ReadMessageAsync(cancellationToken, timeout).ConfigureAwait(false);
        return TextEncoding.GetString(bytes).TrimEnd('\n', '\r');
    }

    public async Task<byte[]> ReadMessageAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.Timeout;
        Transport.Timeout = limit;
        using var cts = Deadline(cancellationToken, limit);
        try
        {
            while (true)
            {
                if (TakeMessage() is { } message)
                {
                    return message;
                }

                await FillAsync(cts.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InstrumentFaultException(Resource, $"timeout: no reply within {limit.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Reads an IEEE 488.2 block (#&lt;d&gt;&lt;len&gt;&lt;bytes&gt;, or #0 … END) and the terminator after it.</summary>
    public async Task<byte[]> ReadBlockAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.Timeout;
        Transport.Timeout = limit;
        using var cts = Deadline(cancellationToken, limit);
        try
        {
            while (Buffered > 0 && _rx[_rxStart] is (byte)' ' or (byte)'\r' or (byte)'\n')
            {
                _rxStart++;
            }

            await EnsureAsync(2, cts.Token).ConfigureAwait(false);
            if (_rx[_rxStart] != (byte)'#' || !char.IsAsciiDigit((char)_rx[_rxStart + 1]))
            {
                throw Garbled("expected a definite-length block starting with '#<digit>'");
            }

            var digits = _rx[_rxStart + 1] - '0';
            if (digits == 0)
            {
                _rxStart += 2;
                var rest = await ReadUntilEndAsync(cts.Token).ConfigureAwait(false);
                return rest;
            }

            await EnsureAsync(2 + digits, cts.Token).ConfigureAwait(false);
            var header = TextEncoding.GetString(_rx, _rxStart + 2, digits);
            if (!int.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) || length > Options.MaxMessageBytes)
            {
                throw Garbled($"block length '{header}' is not a number of bytes");
            }

            _rxStart += 2 + digits;
            await EnsureAsync(length, cts.Token).ConfigureAwait(false);
            var data = _rx.AsSpan(_rxStart, length).ToArray();
            _rxStart += length;
            if (Buffered > 0 || !_endAtRxEnd)
            {
                _ = await ReadUntilEndAsync(cts.Token).ConfigureAwait(false); // the terminator that follows the block
            }
            else
            {
                _endAtRxEnd = false;
            }

            return data;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InstrumentFaultException(Resource, $"timeout: block not complete within {limit.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Device clear, and forget anything buffered.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        _rxStart = _rxEnd = 0;
        _endAtRxEnd = false;
        using var cts = Deadline(cancellationToken, Options.Timeout);
        await Transport.ClearAsync(cts.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync().ConfigureAwait(false);
        _io.Dispose();
        Interlocked.Exchange(ref _spareDeadline, null)?.Dispose();
    }

    private int Buffered => _rxEnd - _rxStart;

    private byte[]? TakeMessage()
    {
        if (Options.ReadTermination is { } term)
        {
            var i = Array.IndexOf(_rx, term, _rxStart, Buffered);
            if (i >= 0)
            {
                var message = _rx.AsSpan(_rxStart, i + 1 - _rxStart).ToArray();
                _rxStart = i + 1;
                if (Buffered == 0)
                {
                    _endAtRxEnd = false;
                }

                return message;
            }
        }

        if (_endAtRxEnd)
        {
            var message = _rx.AsSpan(_rxStart, Buffered).ToArray();
            _rxStart = _rxEnd = 0;
            _endAtRxEnd = false;
            return message;
        }

        return null;
    }

    private async Task<byte[]> ReadUntilEndAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TakeMessage() is { } m)
            {
                return m;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (Buffered < count)
        {
            if (_endAtRxEnd)
            {
                throw Garbled($"message ended after {Buffered} of {count} expected bytes");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_rxStart > 0 && _rxStart == _rxEnd)
        {
            _rxStart = _rxEnd = 0;
        }

        if (_rxEnd == _rx.Length)
        {
            if (_rxStart > 0)
            {
                Buffer.BlockCopy(_rx, _rxStart, _rx, 0, Buffered);
                _rxEnd -= _rxStart;
                _rxStart = 0;
            }
            else
            {
                if (_rx.Length >= Options.MaxMessageBytes)
                {
                    throw Garbled($"reply longer than {Options.MaxMessageBytes} bytes without a terminator");
                }

                Array.Resize(ref _rx, Math.Min(_rx.Length * 2, Options.MaxMessageBytes));
            }
        }

        var read = await Transport.ReadAsync(_rx.AsMemory(_rxEnd), cancellationToken).ConfigureAwait(false);
        _rxEnd += read.Count;
        _endAtRxEnd = read.End;
    }

    private InstrumentFaultException Garbled(string reason)
    {
        _rxStart = _rxEnd = 0;
        _endAtRxEnd = false;
        return new InstrumentFaultException(Resource, "garbled reply: " + reason);
    }

    /// <summary>
    /// The per-operation deadline. Without a caller token (the common case on a bench) one timer source is reused:
    /// query rates of tens of thousands per second should not allocate a linked source each time.
    /// </summary>
    private OperationDeadline Deadline(CancellationToken cancellationToken, TimeSpan limit)
    {
        CancellationTokenSource cts;
        var spare = cancellationToken.CanBeCanceled ? null : Interlocked.Exchange(ref _spareDeadline, null);
        cts = spare ?? (cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource());
        if (limit != Timeout.InfiniteTimeSpan)
        {
            cts.CancelAfter(limit);
        }

        return new OperationDeadline(this, cts, !cancellationToken.CanBeCanceled);
    }

    private readonly struct OperationDeadline(MessageSession owner, CancellationTokenSource source, bool reusable) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            if (reusable && source.TryReset())
            {
                Volatile.Write(ref owner._spareDeadline, source);
            }
            else
            {
                source.Dispose();
            }
        }
    }
}
