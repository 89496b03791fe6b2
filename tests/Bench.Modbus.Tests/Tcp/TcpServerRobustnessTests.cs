using System.Net.Sockets;

using Bench.Modbus.Client;
using Bench.Modbus.Server;
using Bench.Modbus.Transport;

namespace Bench.Modbus.Tests.Tcp;

/// <summary>The server survives what clients on a lab network do: garbage, abrupt disconnects, many connections.</summary>
public sealed class TcpServerRobustnessTests
{
    [Test]
    public async Task A_frame_with_a_foreign_protocol_id_closes_only_that_connection()
    {
        var bank = new RegisterBank();
        bank.DefineHolding(0, 1);
        bank.Holding[0] = 9;
        await using var server = ModbusTcpServer.Start(new UnitRouter().Add(1, new ModbusDevice(bank)));

        using var rogue = new TcpClient();
        await rogue.ConnectAsync("127.0.0.1", server.LocalEndPoint.Port);
        var stream = rogue.GetStream();
        await stream.WriteAsync(Convert.FromHexString("000100070006010300000001")); // protocol id 7
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, timeout.Token);
        }
        catch (IOException)
        {
            read = 0; // closed with the rest of the frame unread: the peer sees a reset rather than an orderly close
        }

        await using var client = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", server.LocalEndPoint.Port, TimeSpan.FromSeconds(1), CancellationToken.None));
        var value = await client.ReadHoldingRegistersAsync(1, 0, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.Zero, "the server closed the rogue connection without answering");
            Assert.That(value[0], Is.EqualTo(9), "other clients are served");
        });
    }

    [Test]
    public async Task Many_clients_at_once_each_get_their_own_answers()
    {
        var bank = new RegisterBank();
        bank.DefineHolding(0, 20);
        for (var k = 0; k < 20; k++)
        {
            bank.Holding[k] = (ushort)(k * 11);
        }

        await using var server = ModbusTcpServer.Start(new UnitRouter().Add(1, new ModbusDevice(bank)));
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(async k =>
        {
            var client = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", server.LocalEndPoint.Port, TimeSpan.FromSeconds(2), CancellationToken.None));
            var values = new List<ushort>();
            for (var round = 0; round < 50; round++)
            {
                values.Add((await client.ReadHoldingRegistersAsync(1, (ushort)k, 1, CancellationToken.None))[0]);
            }

            await client.DisposeAsync();
            return (k, values);
        }));

        Assert.That(clients.All(c => c.values.All(v => v == c.k * 11)), Is.True);
    }
}
