using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Server;
using Bench.Modbus.Transport;

namespace Bench.Modbus.Tests.Tcp;

/// <summary>Bench's client against Bench's server on loopback: every function code, exceptions, identification.</summary>
public sealed class TcpClientServerTests
{
    private RegisterBank _bank = null!;
    private ModbusTcpServer _server = null!;
    private ModbusClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _bank = new RegisterBank();
        _bank.DefineHolding(0, 100);
        _bank.DefineInput(0, 10);
        _bank.DefineCoils(0, 100);
        _bank.DefineDiscreteInputs(0, 30);
        foreach (var (id, text) in new Dictionary<byte, string> { [0] = "Schneider Electric", [1] = "PM8240", [2] = "003.001.000", [4] = "PowerLogic PM8000", [5] = "PM8240" })
        {
            _bank.Identification[id] = text;
        }

        _server = ModbusTcpServer.Start(new UnitRouter().Add(1, new ModbusDevice(_bank)));
        _client = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Every_function_code_round_trips()
    {
        _bank.Input[3] = 0x1234;
        _bank.DiscreteInputs[2] = true;
        await _client.WriteSingleRegisterAsync(1, 10, 0xABCD, CancellationToken.None);
        await _client.WriteMultipleRegistersAsync(1, 11, [1, 2, 3], CancellationToken.None);
        await _client.WriteSingleCoilAsync(1, 7, true, CancellationToken.None);
        await _client.WriteMultipleCoilsAsync(1, 20, [true, false, true], CancellationToken.None);
        var holding = await _client.ReadHoldingRegistersAsync(1, 10, 4, CancellationToken.None);
        var input = await _client.ReadInputRegistersAsync(1, 3, 1, CancellationToken.None);
        var coils = await _client.ReadCoilsAsync(1, 0, 23, CancellationToken.None);
        var discrete = await _client.ReadDiscreteInputsAsync(1, 0, 3, CancellationToken.None);
        var readWrite = await _client.ReadWriteMultipleRegistersAsync(1, 40, 2, 40, [7, 8], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(holding, Is.EqualTo(new ushort[] { 0xABCD, 1, 2, 3 }));
            Assert.That(input, Is.EqualTo(new ushort[] { 0x1234 }));
            Assert.That(coils[7], Is.True);
            Assert.That(coils[20..], Is.EqualTo(new[] { true, false, true }));
            Assert.That(discrete, Is.EqualTo(new[] { false, false, true }));
            Assert.That(readWrite, Is.EqualTo(new ushort[] { 7, 8 }), "0x17 writes before it reads");
        });
    }

    [Test]
    public async Task Device_identification_streams_and_single_objects()
    {
        var basic = await _client.ReadDeviceIdentificationAsync(1, DeviceIdCode.Basic, CancellationToken.None);
        var regular = await _client.ReadDeviceIdentificationAsync(1, DeviceIdCode.Regular, CancellationToken.None);
        var one = await _client.ReadDeviceIdentificationAsync(1, DeviceIdCode.Specific, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(basic.Keys, Is.EqualTo(new byte[] { 0, 1, 2 }));
            Assert.That(basic[0], Is.EqualTo("Schneider Electric"));
            Assert.That(regular.Keys, Is.EqualTo(new byte[] { 0, 1, 2, 4, 5 }));
            Assert.That(one.Keys, Is.EqualTo(new byte[] { 0 }));
        });
    }

    [Test]
    public async Task Long_identification_continues_with_more_follows()
    {
        // Ten private objects of 40 characters exceed one 253-byte PDU: the server splits, the client follows.
        for (byte id = 0x80; id < 0x8A; id++)
        {
            _bank.Identification[id] = new string((char)('A' + id - 0x80), 40);
        }

        var extended = await _client.ReadDeviceIdentificationAsync(1, DeviceIdCode.Extended, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(extended, Has.Count.EqualTo(15));
            Assert.That(extended[0x89], Is.EqualTo(new string('J', 40)));
        });
    }

    [Test]
    public void Exception_responses_surface_with_their_code_and_are_not_retried()
    {
        var address = Assert.ThrowsAsync<ModbusServerException>(() => _client.ReadHoldingRegistersAsync(1, 95, 10, CancellationToken.None));
        var gateway = Assert.ThrowsAsync<ModbusServerException>(() => _client.ReadHoldingRegistersAsync(5, 0, 1, CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(address!.Code, Is.EqualTo(ExceptionCode.IllegalDataAddress));
            Assert.That(gateway!.Code, Is.EqualTo(ExceptionCode.GatewayPathUnavailable));
        });
    }

    [Test]
    public async Task Requests_from_several_tasks_are_serialised_on_one_connection()
    {
        _bank.Holding[0] = 77;
        var reads = Enumerable.Range(0, 50).Select(_ => _client.ReadHoldingRegistersAsync(1, 0, 1, CancellationToken.None));
        var results = await Task.WhenAll(reads);
        Assert.That(results.Select(r => r[0]), Is.All.EqualTo(77));
    }
}
