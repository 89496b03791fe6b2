using System.Net.Sockets;

namespace Bench.Visa.Transports;

/// <summary>
/// A <see cref="Stream"/> over a connected socket that never leaves blocking mode (see <see cref="BlockingSocket"/>):
/// the stream that the VISA transports and RPC/HiSLIP framing read and write instead of a NetworkStream.
/// </summary>
public sealed class PolledSocketStream : Stream
{
    private readonly ReadableWaiter _waiter;
    private TimeSpan _writeTimeout = Timeout.InfiniteTimeSpan;

    public PolledSocketStream(Socket socket)
    {
        Socket = socket;
        _waiter = new ReadableWaiter(socket);
    }

    public Socket Socket { get; }

    /// <summary>How long a read waits for data on the calling thread before it waits on a pool thread.</summary>
    public TimeSpan SynchronousWait { get; set; } = TimeSpan.FromMilliseconds(1);

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

    public override int Read(byte[] buffer, int offset, int count) => Socket.Receive(buffer, offset, count, SocketFlags.None);

    public override int Read(Span<byte> buffer) => Socket.Receive(buffer, SocketFlags.None);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await BlockingSocket.WaitReadableAsync(Socket, SynchronousWait, _waiter, cancellationToken).ConfigureAwait(false);
        return Socket.Receive(buffer.Span, SocketFlags.None);
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
}
