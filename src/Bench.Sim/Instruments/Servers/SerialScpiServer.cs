using System.IO.Ports;
using System.Text;

using Bench.Sim.Instruments.Scpi;

using Microsoft.Extensions.Logging;

namespace Bench.Sim.Instruments.Servers;

/// <summary>
/// Serves a simulated device on a serial port (ASRL): line-based like the raw socket. With socat's pty pair the other end
/// is an ASRL resource for the client.
/// </summary>
public sealed class SerialScpiServer : IAsyncDisposable
{
    private readonly SerialPort _port;
    private readonly ScpiDevice _device;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger? _log;
    private readonly Task _loop;
    private int _disposed;

    private SerialScpiServer(SerialPort port, ScpiDevice device, ILogger? log)
    {
        _port = port;
        _device = device;
        _log = log;
        _loop = Task.Run(ServeAsync);
    }

    public string PortName => _port.PortName;

    public static SerialScpiServer Start(ScpiDevice device, string portName, int baudRate, ILogger? log = null)
    {
        var port = new SerialPort(portName, baudRate) { ReadTimeout = 50, WriteTimeout = 2000 };
        port.Open();
        return new SerialScpiServer(port, device, log);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _port.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var connection = new SimulatedConnection("ASRL", _port.PortName);
        var pending = new List<byte>();
        var buffer = new byte[1024];
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = _port.Read(buffer, 0, buffer.Length);
            }
            catch (TimeoutException)
            {
                continue;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                _log?.LogDebug("serial {Port}: {Reason}", _port.PortName, ex.Message);
                return;
            }

            for (var k = 0; k < n; k++)
            {
                if (buffer[k] != (byte)'\n')
                {
                    pending.Add(buffer[k]);
                    continue;
                }

                var line = Encoding.Latin1.GetString([.. pending]).TrimEnd('\r');
                pending.Clear();
                try
                {
                    var reply = await _device.ProcessAsync(line, connection, _stop.Token).ConfigureAwait(false);
                    if (reply.Text is { } text)
                    {
                        var bytes = Encoding.Latin1.GetBytes(text + _device.Profile.Transport.ReadTermination);
                        _port.Write(bytes, 0, bytes.Length);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
