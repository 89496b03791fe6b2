namespace Bench.Modbus.Transport;

/// <summary>
/// Carries one request PDU to a unit and brings back its response PDU: MBAP over TCP, address + CRC over RTU.
/// One exchange at a time; the client layers retries on top.
/// </summary>
public interface IModbusTransport : IAsyncDisposable
{
    /// <summary>Where the transport goes, for messages, e.g. <c>127.0.0.1:502</c> or <c>/dev/ttyUSB0@19200</c>.</summary>
    string Resource { get; }

    /// <summary>
    /// Sends <paramref name="requestPdu"/> to <paramref name="unitId"/> and copies the response PDU into <paramref name="responsePdu"/>.
    /// Returns its length, or 0 for a broadcast that gets no reply. Throws ModbusTimeoutException, ModbusFrameException
    /// or ModbusConnectionException.
    /// </summary>
    Task<int> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, TimeSpan timeout, CancellationToken cancellationToken);
}
