using System.Diagnostics;
using System.Globalization;

using Bench.Modbus.Client;
using Bench.Modbus.Errors;
using Bench.Modbus.Pdu;
using Bench.Modbus.Protocol;
using Bench.Modbus.Transport;

namespace Bench.Modbus.Tests.Interop;

/// <summary>
/// Bench's client against pymodbus 3.0.0rc1 (Debian), an independent server: every function code, read back through
/// the same peer. Expected values are those pymodbus_generic_server.py was started with.
/// </summary>
public sealed class PymodbusServerTests
{
    private Process _server = null!;
    private ModbusClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", "peers", "pymodbus_generic_server.py"));
        info.ArgumentList.Add("5");
        _server = Process.Start(info) ?? throw new InvalidOperationException("cannot start python3");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var port = int.Parse(await _server.StandardOutput.ReadLineAsync(timeout.Token) ?? "0", CultureInfo.InvariantCulture);
        _client = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", port, TimeSpan.FromSeconds(2), CancellationToken.None), new ModbusClientOptions { Timeout = TimeSpan.FromSeconds(2) });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        _server.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
    }

    [Test]
    public async Task Reads_registers_and_bits()
    {
        var holding = await _client.ReadHoldingRegistersAsync(5, 10, 3, CancellationToken.None);
        var input = await _client.ReadInputRegistersAsync(5, 7, 2, CancellationToken.None);
        var discrete = await _client.ReadDiscreteInputsAsync(5, 90, 5, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(holding, Is.EqualTo(new ushort[] { 1010, 1011, 1012 }));
            Assert.That(input, Is.EqualTo(new ushort[] { 2007, 2008 }));
            Assert.That(discrete, Is.EqualTo(new[] { true, false, true, false, true }));
        });
    }

    [Test]
    public async Task Writes_are_read_back()
    {
        await _client.WriteSingleRegisterAsync(5, 50, 0xBEEF, CancellationToken.None);
        await _client.WriteMultipleRegistersAsync(5, 51, [1, 2, 3], CancellationToken.None);
        await _client.WriteSingleCoilAsync(5, 61, true, CancellationToken.None);
        await _client.WriteMultipleCoilsAsync(5, 70, [true, true, false, true, false, false, false, false, true, true], CancellationToken.None);
        var registers = await _client.ReadHoldingRegistersAsync(5, 50, 4, CancellationToken.None);
        var coils = await _client.ReadCoilsAsync(5, 60, 20, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(registers, Is.EqualTo(new ushort[] { 0xBEEF, 1, 2, 3 }));
            Assert.That(coils[0..3], Is.EqualTo(new[] { true, true, false }), "60 = 3·20 set initially, 61 written");
            Assert.That(coils[10..20], Is.EqualTo(new[] { true, true, false, true, false, false, false, false, true, true }));
        });
    }

    [Test]
    public async Task Read_write_multiple_registers_writes_first()
    {
        var read = await _client.ReadWriteMultipleRegistersAsync(5, 80, 3, 81, [7, 8], CancellationToken.None);
        Assert.That(read, Is.EqualTo(new ushort[] { 1080, 7, 8 }));
    }

    [Test]
    public async Task Device_identification_streams()
    {
        var basic = await _client.ReadDeviceIdentificationAsync(5, DeviceIdCode.Basic, CancellationToken.None);
        var regular = await _client.ReadDeviceIdentificationAsync(5, DeviceIdCode.Regular, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(basic[DeviceIdentification.VendorName], Is.EqualTo("pymodbus peer"));
            Assert.That(basic[DeviceIdentification.MajorMinorRevision], Is.EqualTo("3.0.0rc1"));
            Assert.That(regular[DeviceIdentification.ModelName], Is.EqualTo("Bench interop"));
        });
    }

    [Test]
    public void Out_of_range_read_is_an_exception_response()
    {
        var e = Assert.ThrowsAsync<ModbusServerException>(() => _client.ReadHoldingRegistersAsync(5, 98, 5, CancellationToken.None));
        Assert.That(e!.Code, Is.EqualTo(ExceptionCode.IllegalDataAddress));
    }
}
