using System.Net.Sockets;

using Bench.Sockets;

namespace Bench.Visa.Transports;

/// <summary>
/// A <see cref="Stream"/> over a connected socket that never leaves blocking mode (see <see cref="BlockingSocket"/>):
/// the stream that the VISA transports and RPC/HiSLIP framing read and write instead of a NetworkStream. A read first
/// blocks in recv(2) on the calling thread, bounded by SO_RCVTIMEO; only a reply slower than that is awaited on the
/// socket's waiter thread. Measured on loopback, recv(2) alone costs 7 µs of CPU a round trip where poll(2) + recv(2)
/// cost 11 µs (poll arms and cancels a high-resolution timer every time). Reads are buffered, so that framing which
/// reads a header and then a body costs one recv(2) per arriving reply.
/// </summary>
public sealed class PolledSocketStream : Stream
{
    private readonly ReadableWaiter _waiter;
    private readonly byte[] _rx = new byte[16 * 1024];
    private int _rxStart;
    private int _rxEnd;
    private TimeSpan _writeTimeout = Timeout.InfiniteTimeSpan;
    private TimeSpan _synchronousWait;

    public PolledSocketStream(Socket socket)
    {
        Socket = socket;
        _waiter = new ReadableWaiter(socket);
        SynchronousWait = TimeSpan.FromMilliseconds(1);
    }

    public Socket Socket { get; }

    /// <summary>
    /// How long a read waits for data on the calling thread (SO_RCVTIMEO) before it waits on the socket's waiter thread.
    /// The kernel counts it in scheduler ticks: 1 ms lasts 4–12 ms when nothing arrives (measured here). Below 1 ms a
    /// read does not wait on the calling thread at all.
    /// </summary>
    public TimeSpan SynchronousWait
    {
        get => _synchronousWait;
        set
        {
            _synchronousWait = value;
            Socket.ReceiveTimeout = value < TimeSpan.FromMilliseconds(1) ? 0 : (int)Math.Min(value.TotalMilliseconds, int.MaxValue);
        }
    }

    /// <summary>The longest a write may block on a peer that does not read (SO_SNDTIMEO); set only when it changes.</summary>
    public TimeSpan SendTimeout
    {
        get => _writeTimeout;
        set
        {
            if (value != _writeTimeout)
            {
                _writeTimeout = value;
                Socket.SendTimeout = value == Timeout.InfiniteTimeSpan ? 0 : (int)Math.Clamp(value.TotalMilliseconds, 1, int.MaxValue);
            }
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Bytes received but not yet read.</summary>
    public int Buffered => _rxEnd - _rxStart;

    /// <summary>Forgets the bytes received but not yet read (device clear on a raw socket).</summary>
    public void DiscardBuffered() => _rxStart = _rxEnd = 0;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Buffered == 0)
        {
            int direct;
            while (!TryFill(buffer, out direct))
            {
                Socket.Poll(-1, SelectMode.SelectRead); // a blocking read waits as long as it takes
            }

            if (direct >= 0)
            {
                return direct;
            }
        }

        return TakeBuffered(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Buffered == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int direct;
            if (_synchronousWait < TimeSpan.FromMilliseconds(1) || !TryFill(buffer.Span, out direct))
            {
                await _waiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                direct = Fill(buffer.Span);
            }

            if (direct >= 0)
            {
                return direct;
            }
        }

        return TakeBuffered(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => BlockingSocket.SendAll(Socket, buffer.AsSpan(offset, count), CancellationToken.None);

    public override void Write(ReadOnlySpan<byte> buffer) => BlockingSocket.SendAll(Socket, buffer, CancellationToken.None);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            BlockingSocket.SendAll(Socket, buffer.Span, cancellationToken);
            return ValueTask.CompletedTask;
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Socket.Dispose();
            _waiter.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Receives once: straight into a destination as large as the buffer (returns the count), else into the buffer (returns -1).</summary>
    private int Fill(Span<byte> destination)
    {
        if (destination.Length >= _rx.Length)
        {
            return Socket.Receive(destination, SocketFlags.None);
        }

        var n = Socket.Receive(_rx, SocketFlags.None); // may time out: the buffer stays as it was (empty)
        _rxStart = 0;
        _rxEnd = n;
        return -1;
    }

    /// <summary><see cref="Fill"/> that returns false when SO_RCVTIMEO ran out before anything arrived.</summary>
    private bool TryFill(Span<byte> destination, out int direct)
    {
        try
        {
            direct = Fill(destination);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            direct = 0;
            return false;
        }
    }

    private int TakeBuffered(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, Buffered);
        _rx.AsSpan(_rxStart, n).CopyTo(destination);
        _rxStart += n;
        return n;
    }
}
