using System.Globalization;
using System.Net.Sockets;

using Bench.Modbus.Errors;
using Bench.Modbus.Framing;

namespace Bench.Modbus.Transport;

/// <summary>
/// Modbus TCP client side: MBAP header with a fresh transaction id per request; replies with another id (late answers
/// to a request that timed out) are discarded. After a timeout or a garbled header the connection is re-opened before
/// the next request, since the byte stream can no longer be trusted.
/// </summary>
public sealed class ModbusTcpTransport : IModbusTransport
{
    private readonly string _host;
    private readonly int _port;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _tx = new byte[MbapHeader.MaxAduLength];
    private readonly byte[] _rx = new byte[MbapHeader.MaxAduLength];
    private Socket? _socket;
    private ushort _transactionId;

    private ModbusTcpTransport(string host, int port)
    {
        _host = host;
        _port = port;
        Resource = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
    }

    public string Resource { get; }

    public static async Task<ModbusTcpTransport> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var transport = new ModbusTcpTransport(host, port);
        await transport.OpenAsync(timeout, cancellationToken).ConfigureAwait(false);
        return transport;
    }

    public async Task<int> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket is null)
            {
                await OpenAsync(timeout, cancellationToken).ConfigureAwait(false);
            }

            var socket = _socket!;
            var id = ++_transactionId;
            MbapHeader.For(id, unitId, requestPdu.Length).Write(_tx);
            requestPdu.Span.CopyTo(_tx.AsSpan(MbapHeader.Size));
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await socket.SendAsync(_tx.AsMemory(0, MbapHeader.Size + requestPdu.Length), SocketFlags.None, timeoutSource.Token).ConfigureAwait(false);
                while (true)
                {
                    await ReceiveExactlyAsync(socket, _rx.AsMemory(0, MbapHeader.Size), timeoutSource.Token).ConfigureAwait(false);
                    var header = MbapHeader.Read(_rx);
                    if (!header.IsPlausible)
                    {
                        Close();
                        throw new ModbusFrameException($"{Resource}: implausible MBAP header {Convert.ToHexString(_rx, 0, MbapHeader.Size)}");
                    }

                    await ReceiveExactlyAsync(socket, _rx.AsMemory(MbapHeader.Size, header.PduLength), timeoutSource.Token).ConfigureAwait(false);
                    if (header.TransactionId != id)
                    {
                        continue; // a late answer to an earlier request
                    }

                    if (header.UnitId != unitId)
                    {
                        throw new ModbusFrameException($"{Resource}: reply from unit {header.UnitId} to a request for unit {unitId}");
                    }

                    if (header.PduLength > responsePdu.Length)
                    {
                        throw new ModbusFrameException($"{Resource}: reply of {header.PduLength} bytes does not fit");
                    }

                    _rx.AsSpan(MbapHeader.Size, header.PduLength).CopyTo(responsePdu.Span);
                    return header.PduLength;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Close();
                throw new ModbusTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Resource}: no reply from unit {unitId} within {timeout.TotalMilliseconds:0} ms"));
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
                Close();
                throw new ModbusConnectionException($"{Resource}: {e.Message}", e);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async ValueTask ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("connection closed by the server");
            }

            buffer = buffer[n..];
        }
    }

    private async Task OpenAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(_host, _port, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ModbusTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Resource}: connection not accepted within {timeout.TotalMilliseconds:0} ms"));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ModbusConnectionException($"{Resource}: {e.Message}", e);
        }

        _socket = socket;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
