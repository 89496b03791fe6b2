using System.IO.Ports;

using Bench.Core.Errors;
using Bench.Visa.Sessions;

namespace Bench.Visa.Transports;

/// <summary>
/// ASRL INSTR through System.IO.Ports: baud, data bits, parity, stop bits and flow control from the session options;
/// no END on a serial line, so reads end on the termination character. Blocking reads run in short slices so that a
/// timeout or cancellation is honoured on every platform.
/// </summary>
public sealed class SerialTransport : IMessageTransport
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);
    private readonly SerialPort _port;

    private SerialTransport(string resource, SerialPort port)
    {
        Resource = resource;
        _port = port;
    }

    public string Resource { get; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public byte? TermChar { get; set; }

    public string PortName => _port.PortName;

    public static SerialTransport Open(string resource, string portName, SerialSettings settings)
    {
        var port = new SerialPort(portName, settings.BaudRate, settings.Parity, settings.DataBits, settings.StopBits)
        {
            Handshake = settings.FlowControl,
            ReadTimeout = (int)Slice.TotalMilliseconds,
            WriteTimeout = 2000,
        };
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new InstrumentFaultException(resource, $"cannot open serial port {portName}: {ex.Message}", ex);
        }

        return new SerialTransport(resource, port);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, bool end, CancellationToken cancellationToken)
    {
        var bytes = data.ToArray();
        try
        {
            await Task.Run(() => _port.Write(bytes, 0, bytes.Length), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
        {
            throw new InstrumentFaultException(Resource, $"serial write on {_port.PortName} failed: {ex.Message}", ex);
        }
    }

    public ValueTask<TransportRead> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var scratch = new byte[Math.Min(buffer.Length, 4096)];
        return new ValueTask<TransportRead>(Task.Run(() =>
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var n = _port.Read(scratch, 0, scratch.Length);
                    scratch.AsSpan(0, n).CopyTo(buffer.Span);
                    return new TransportRead(n, false);
                }
                catch (TimeoutException)
                {
                    // next slice
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException)
                {
                    throw new InstrumentFaultException(Resource, $"serial read on {_port.PortName} failed: {ex.Message}", ex);
                }
            }
        }, cancellationToken));
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        // No device clear on a serial line (a BREAK is instrument-specific): flush both buffers.
        _port.DiscardInBuffer();
        _port.DiscardOutBuffer();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _port.Dispose();
        return ValueTask.CompletedTask;
    }
}
