namespace Bench.Visa.Transports;

/// <summary>
/// A message-based connection to one instrument: bytes out with or without END, chunks in with the END indication
/// the protocol carries (VXI-11 reason, HiSLIP DataEnd). Raw sockets and serial lines have no END and rely on the
/// termination character, which <see cref="Sessions.MessageSession"/> looks for.
/// </summary>
public interface IMessageTransport : IAsyncDisposable
{
    /// <summary>The resource name as given, for error messages.</summary>
    string Resource { get; }

    /// <summary>Per-operation timeout the protocol may carry on the wire (VXI-11 io_timeout); the session enforces it locally too.</summary>
    TimeSpan Timeout { get; set; }

    /// <summary>Termination character a protocol can stop a read on by itself (VXI-11 termChar); null = END only.</summary>
    byte? TermChar { get; set; }

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken);

    /// <summary>Reads at least one byte into <paramref name="buffer"/>; End is true when the device marked the end of its message.</summary>
    ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Device clear (VXI-11 device_clear, HiSLIP clear sequence); a raw socket only discards what is buffered.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
