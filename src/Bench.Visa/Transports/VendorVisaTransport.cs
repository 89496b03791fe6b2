using Bench.Core.Errors;
using Bench.Visa.Vendor;

namespace Bench.Visa.Transports;

/// <summary>
/// A resource opened through a vendor VISA library (GPIB, USB-TMC, or anything the bench profile routes there). The
/// library does the framing; viRead's status tells END/term char (VI_SUCCESS, VI_SUCCESS_TERM_CHAR) from a full buffer
/// (VI_SUCCESS_MAX_CNT). Calls block, so they run on the thread pool; the library's own timeout bounds them.
/// </summary>
public sealed class VendorVisaTransport : IMessageTransport
{
    private readonly VendorVisaLibrary _library;
    private readonly uint _session;
    private TimeSpan _timeout = TimeSpan.FromSeconds(2);
    private byte? _termChar;
    private bool _sendEnd = true;

    private VendorVisaTransport(string resource, VendorVisaLibrary library, uint session)
    {
        Resource = resource;
        _library = library;
        _session = session;
    }

    public string Resource { get; }

    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            if (value != _timeout)
            {
                _timeout = value;
                Check(_library.SetAttribute(_session, VisaStatus.AttrTimeout, value == System.Threading.Timeout.InfiniteTimeSpan ? 0xFFFFFFFF : (ulong)value.TotalMilliseconds), "viSetAttribute(TMO_VALUE)");
            }
        }
    }

    public byte? TermChar
    {
        get => _termChar;
        set
        {
            _termChar = value;
            if (value is { } t)
            {
                Check(_library.SetAttribute(_session, VisaStatus.AttrTermChar, t), "viSetAttribute(TERMCHAR)");
            }

            Check(_library.SetAttribute(_session, VisaStatus.AttrTermCharEnabled, value is null ? 0u : 1u), "viSetAttribute(TERMCHAR_EN)");
        }
    }

    public static VendorVisaTransport Open(string resource, VendorVisaLibrary library, TimeSpan openTimeout)
    {
        var status = library.Open(resource, (uint)openTimeout.TotalMilliseconds, out var session);
        if (status < 0)
        {
            throw new InstrumentFaultException(resource, $"viOpen failed: {library.Describe(0, status)}");
        }

        var transport = new VendorVisaTransport(resource, library, session);
        transport.Check(library.SetAttribute(session, VisaStatus.AttrTimeout, 2000), "viSetAttribute(TMO_VALUE)");
        return transport;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        if (end != _sendEnd)
        {
            Check(_library.SetAttribute(_session, VisaStatus.AttrSendEndEnabled, end ? 1u : 0u), "viSetAttribute(SEND_END_EN)");
            _sendEnd = end;
        }

        return new ValueTask(Task.Run(() =>
        {
            var offset = 0;
            while (offset < data.Length)
            {
                Check(_library.Write(_session, data.Span[offset..], out var written), "viWrite");
                offset += (int)written;
            }
        }, cancellationToken));
    }

    public ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        new(Task.Run(() =>
        {
            var status = _library.Read(_session, buffer.Span, out var read);
            Check(status, "viRead");
            return new TransportRead((int)read, status is VisaStatus.Success or VisaStatus.SuccessTermChar);
        }, cancellationToken));

    public Task ClearAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Check(_library.Clear(_session), "viClear"), cancellationToken);

    public Task<byte> ReadStatusByteAsync(CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            Check(_library.ReadStatusByte(_session, out var stb), "viReadSTB");
            return (byte)stb;
        }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _library.Close(_session);
        return ValueTask.CompletedTask;
    }

    private void Check(int status, string call)
    {
        if (status >= 0)
        {
            return;
        }

        var text = _library.Describe(_session, status);
        throw new InstrumentFaultException(Resource, status == VisaStatus.ErrorTimeout ? $"timeout: {call}: {text}" : $"{call}: {text}");
    }
}
