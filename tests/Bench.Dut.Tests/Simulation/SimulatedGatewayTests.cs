using Bench.Core.Quantities;
using Bench.Modbus.Client;
using Bench.Modbus.Data;
using Bench.Modbus.Errors;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;
using Bench.Modbus.Transport;
using Bench.Sim.Grid;
using Bench.Sim.Meter;
using Bench.Testing;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Simulation;

/// <summary>The simulated PM8000 in gateway mode: its own unit over TCP, serial devices behind it by unit id.</summary>
public sealed class SimulatedGatewayTests
{
    [Test]
    public async Task Unit_ids_route_to_the_meter_or_through_it_to_serial_devices()
    {
        using var pair = SocatPair.Start();
        var bus = new UnitRouter { AnswerUnknownUnits = false };
        for (byte unit = 2; unit <= 3; unit++)
        {
            var bank = new RegisterBank();
            bank.DefineHolding(0, 4);
            bank.Holding[0] = (ushort)(100 * unit);
            bus.Add(unit, new ModbusDevice(bank));
        }

        await using var serialDevices = ModbusRtuServer.Open(pair.EndB, bus, 19200, 'E', 1);
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        await using var meter = await SimulatedPm8000.StartAsync(new GridObserver(grid), new SimulatedMeterOptions { GatewaySerialPort = pair.EndA }, CancellationToken.None);
        await using var client = new ModbusClient(
            await ModbusTcpTransport.ConnectAsync("127.0.0.1", meter.Port, TimeSpan.FromSeconds(2), CancellationToken.None),
            new ModbusClientOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 0 });

        var volts = RegisterValues.ToFloat32(await client.ReadHoldingRegistersAsync(1, 3027, 2, CancellationToken.None), WordOrder.ABCD);
        var two = await client.ReadHoldingRegistersAsync(2, 0, 1, CancellationToken.None);
        var three = await client.ReadHoldingRegistersAsync(3, 0, 1, CancellationToken.None);
        var silent = Assert.ThrowsAsync<ModbusServerException>(() => client.ReadHoldingRegistersAsync(31, 0, 1, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(volts, Is.EqualTo(230).Within(0.01));
            Assert.That(two[0], Is.EqualTo(200));
            Assert.That(three[0], Is.EqualTo(300));
            Assert.That(silent!.Code, Is.EqualTo(ExceptionCode.GatewayTargetFailedToRespond));
        });
    }
}
