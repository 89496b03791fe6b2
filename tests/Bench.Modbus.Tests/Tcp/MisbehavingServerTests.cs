using System.Net;
using System.Net.Sockets;

using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;
using Bench.Modbus.Transport;

namespace Bench.Modbus.Tests.Tcp;

/// <summary>The client's error paths: silence, late answers, garbage, a refused connection.</summary>
public sealed class MisbehavingServerTests
{
    private static readonly ModbusClientOptions Quick = new() { Timeout = TimeSpan.FromMilliseconds(150), Retries = 2 };

    [Test]
    public async Task Dropped_replies_are_retried_until_one_arrives()
    {
        var device = new CountingHandler(dropFirst: 2);
        await using var server = ModbusTcpServer.Start(device);
        await using var client = await ConnectAsync(server.LocalEndPoint.Port, Quick);

        var values = await client.ReadHoldingRegistersAsync(1, 0, 2, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(values, Is.EqualTo(new ushort[] { 1, 2 }));
            Assert.That(device.Requests, Is.EqualTo(3), "two dropped, the third answered");
        });
    }

    [Test]
    public async Task Silence_beyond_the_retries_is_a_timeout()
    {
        var device = new CountingHandler(dropFirst: int.MaxValue);
        await using var server = ModbusTcpServer.Start(device);
        await using var client = await ConnectAsync(server.LocalEndPoint.Port, Quick);

        Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 0, 2, CancellationToken.None));
        Assert.That(device.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_reply_with_a_wrong_protocol_id_is_garbled()
    {
        await using var server = await RawServer.StartAsync(_ => Convert.FromHexString("00010001000501030200AA"));
        await using var client = await ConnectAsync(server.Port, new ModbusClientOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 });
        Assert.ThrowsAsync<ModbusFrameException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, CancellationToken.None));
    }

    [Test]
    public async Task A_reply_with_too_few_registers_is_garbled()
    {
        await using var server = await RawServer.StartAsync(request => [request[0], request[1], 0, 0, 0, 5, 1, 3, 2, 0, 0xAA]);
        await using var client = await ConnectAsync(server.Port, new ModbusClientOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 });
        Assert.ThrowsAsync<ModbusFrameException>(() => client.ReadHoldingRegistersAsync(1, 0, 2, CancellationToken.None));
    }

    [Test]
    public void A_refused_connection_is_a_connection_failure()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Assert.ThrowsAsync<ModbusConnectionException>(() => ModbusTcpTransport.ConnectAsync("127.0.0.1", port, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Test]
    public async Task A_late_answer_to_an_earlier_transaction_is_discarded()
    {
        // Answers each request first with a reply carrying the previous transaction id (a late answer to a request
        // that timed out), then the right one: the client must return the second.
        await using var server = await RawServer.StartAsync(request =>
        {
            var id = (ushort)((request[0] << 8) | request[1]);
            var stale = (ushort)(id - 1);
            return [(byte)(stale >> 8), (byte)stale, 0, 0, 0, 5, 1, 3, 2, 0, 0x11, request[0], request[1], 0, 0, 0, 5, 1, 3, 2, 0, 0x22];
        });
        await using var transport = await ModbusTcpTransport.ConnectAsync("127.0.0.1", server.Port, TimeSpan.FromSeconds(1), CancellationToken.None);
        var response = new byte[ModbusLimits.MaxPduLength];
        var request = new byte[5];
        new ReadRegistersRequest(FunctionCode.ReadHoldingRegisters, 0, 1).Encode(request);
        var n = await transport.ExchangeAsync(1, request, response, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.That(Convert.ToHexString(response, 0, n), Is.EqualTo("03020022"));
    }

    private static async Task<ModbusClient> ConnectAsync(int port, ModbusClientOptions options) =>
        new(await ModbusTcpTransport.ConnectAsync("127.0.0.1", port, TimeSpan.FromSeconds(1), CancellationToken.None), options);

    private sealed class CountingHandler(int dropFirst) : IModbusRequestHandler
    {
        private int _requests;

        public int Requests => _requests;

        public ValueTask<int> HandleAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, Memory<byte> responsePdu, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _requests);
            return ValueTask.FromResult(n <= dropFirst ? 0 : ResponseWriter.Registers(responsePdu.Span, FunctionCode.ReadHoldingRegisters, [1, 2]));
        }
    }
}
