using System.Globalization;

using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Meter;
using Bench.Testing;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Interop;

/// <summary>
/// pymodbus 3.0.0rc1 (Debian) as the independent peer both ways: it reads the simulated PM8000 over TCP and over RTU
/// (socat pty pair), and Bench's ModbusMeter reads a pymodbus server holding a PM8000-like map.
/// </summary>
public sealed class PymodbusInteropTests
{
    private static string Script(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Interop", "peers", name);

    [Test]
    public async Task Pymodbus_reads_the_simulated_meter_over_tcp()
    {
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        var options = new SimulatedMeterOptions { UseProfileErrorCurve = false, InitialActiveEnergyWh = 9_876_543, Model = "PM8240", SerialNumber = "1807123401" };
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), options, CancellationToken.None);

        var values = Parse(await Tools.RunAsync("/usr/bin/python3", $"{Script("pymodbus_read.py")} tcp 127.0.0.1 {sim.Port} 1 3028:float32 3060:float32 3110:float32 3204:int64 50:utf8/20 130:uint32"));

        // 230 V, P = 3·230·5 = 3450 W = 3.45 kW in register 3060, 50 Hz, the initial energy, the identity options.
        Assert.Multiple(() =>
        {
            Assert.That(double.Parse(values["3028"], CultureInfo.InvariantCulture), Is.EqualTo(230).Within(0.01));
            Assert.That(double.Parse(values["3060"], CultureInfo.InvariantCulture), Is.EqualTo(3.45).Within(0.001));
            Assert.That(double.Parse(values["3110"], CultureInfo.InvariantCulture), Is.EqualTo(50).Within(0.01));
            Assert.That(values["3204"], Is.EqualTo("9876543"));
            Assert.That(values["50"], Is.EqualTo("PM8240"));
            Assert.That(values["130"], Is.EqualTo("1807123401"));
        });
    }

    [Test]
    public async Task Pymodbus_reads_the_simulated_meter_over_rtu()
    {
        using var pair = SocatPair.Start();
        var grid = new SimulatedGrid(new FakeTimeProvider());
        grid.Program(ThreePhaseSetpoint.Balanced(120, 2, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        // 8N1: pyserial cannot set even parity on a Linux pseudo-terminal (termios EINVAL), .NET's SerialPort can.
        var options = new SimulatedMeterOptions { UseProfileErrorCurve = false, UnitId = 7, SerialPort = pair.EndB, SerialParity = 'N' };
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), options, CancellationToken.None);

        var values = Parse(await Tools.RunAsync("/usr/bin/python3", $"{Script("pymodbus_read.py")} rtu {pair.EndA} 19200 N 7 3028:float32 3000:float32"));

        Assert.Multiple(() =>
        {
            Assert.That(double.Parse(values["3028"], CultureInfo.InvariantCulture), Is.EqualTo(120).Within(0.01));
            Assert.That(double.Parse(values["3000"], CultureInfo.InvariantCulture), Is.EqualTo(2).Within(0.001));
            Assert.That(sim.SerialResource, Is.EqualTo($"modbus-rtu://{pair.EndB}?baud=19200&parity=N&unit=7"));
        });
    }

    [Test]
    public async Task ModbusMeter_reads_a_pymodbus_server()
    {
        using var server = await PythonServer.StartAsync("pymodbus_meter_server.py", "3");
        var profile = DutProfile.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "dut", "pm8000.yaml"));
        await using var meter = await ModbusMeter.ConnectAsync(profile, $"modbus-tcp://127.0.0.1:{server.Port}?unit=3", CancellationToken.None);

        var identity = await meter.ReadIdentityAsync(CancellationToken.None);
        var snapshot = await meter.ReadSnapshotAsync(CancellationToken.None);
        var m = snapshot.Instantaneous!;

        // Values written by pymodbus_meter_server.py with struct.pack('>f'/'>q'); floats compared at float32 precision.
        Assert.Multiple(() =>
        {
            Assert.That(identity.Model, Is.EqualTo("PM8244"));
            Assert.That(identity.SerialNumber, Is.EqualTo("987654321"));
            Assert.That(identity.Firmware, Is.EqualTo("4.0.2"));
            Assert.That(snapshot.ActiveEnergyDeliveredWh, Is.EqualTo(123456789012.0));
            Assert.That(snapshot.ReactiveEnergyDeliveredVarh, Is.EqualTo(4567.0));
            Assert.That(m.Phases[0].VoltageRmsV, Is.EqualTo(230.1).Within(1e-4));
            Assert.That(m.Phases[2].CurrentRmsA, Is.EqualTo(5.1).Within(1e-5));
            Assert.That(m.Phases[1].ActivePowerW, Is.EqualTo(1110).Within(1e-3), "1.11 kW → W");
            Assert.That(m.Phases[1].PowerFactor, Is.EqualTo(0.1).Within(1e-6), "4Q_FP_PF 1.9 → 0.1 leading");
            Assert.That(m.FrequencyHz, Is.EqualTo(49.98).Within(1e-4));
        });
    }

    private static Dictionary<string, string> Parse(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Split(' ', 2))
        .ToDictionary(p => p[0], p => p[1]);
}
