using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;
using Bench.Modbus.Transport;
using Bench.Testing;

namespace Bench.Modbus.Tests.Rtu;

/// <summary>
/// Unit-id routing through a gateway: a TCP server answers unit 1 itself and forwards other units over RTU to a
/// serial bus (socat pty pair) with slaves 2 and 3; the gateway answers 0B for a silent address (modbus.md §3).
/// </summary>
public sealed class GatewayTests
{
    [Test]
    public async Task Tcp_client_reaches_serial_devices_by_unit_id()
    {
        using var pair = SocatPair.Start();
        var local = Bank(1111);
        var bus = new UnitRouter { AnswerUnknownUnits = false }
            .Add(2, new ModbusDevice(Bank(2222)))
            .Add(3, new ModbusDevice(Bank(3333)));
        await using var serialSlaves = ModbusRtuServer.Open(pair.EndB, bus, 19200, 'E', 1);
        await using var downstream = ModbusRtuTransport.Open(pair.EndA, 19200, 'E', 1);
        var gateway = new UnitRouter { Fallback = new ModbusGateway(downstream, TimeSpan.FromMilliseconds(500)) }
            .Add(1, new ModbusDevice(local));
        await using var server = ModbusTcpServer.Start(gateway);
        await using var client = new ModbusClient(
            await ModbusTcpTransport.ConnectAsync("127.0.0.1", server.LocalEndPoint.Port, TimeSpan.FromSeconds(1), CancellationToken.None),
            new ModbusClientOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 0 });

        var one = await client.ReadHoldingRegistersAsync(1, 0, 1, CancellationToken.None);
        var two = await client.ReadHoldingRegistersAsync(2, 0, 1, CancellationToken.None);
        var three = await client.ReadHoldingRegistersAsync(3, 0, 1, CancellationToken.None);
        var silent = Assert.ThrowsAsync<ModbusServerException>(() => client.ReadHoldingRegistersAsync(9, 0, 1, CancellationToken.None));
        var outside = Assert.ThrowsAsync<ModbusServerException>(() => client.ReadHoldingRegistersAsync(3, 50, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(one[0], Is.EqualTo(1111));
            Assert.That(two[0], Is.EqualTo(2222));
            Assert.That(three[0], Is.EqualTo(3333));
            Assert.That(silent!.Code, Is.EqualTo(ExceptionCode.GatewayTargetFailedToRespond));
            Assert.That(outside!.Code, Is.EqualTo(ExceptionCode.IllegalDataAddress), "a serial slave's own exception is relayed");
        });
    }

    [Test]
    public async Task Router_without_a_route_answers_gateway_path_unavailable()
    {
        var router = new UnitRouter().Add(1, new ModbusDevice(Bank(1)));
        var response = new byte[8];
        var n = await router.HandleAsync(7, new byte[] { 0x03, 0x00, 0x00, 0x00, 0x01 }, response, CancellationToken.None);
        Assert.That(Convert.ToHexString(response, 0, n), Is.EqualTo("830A"));
    }

    private static RegisterBank Bank(ushort value)
    {
        var bank = new RegisterBank();
        bank.DefineHolding(0, 10);
        bank.Holding[0] = value;
        return bank;
    }
}
