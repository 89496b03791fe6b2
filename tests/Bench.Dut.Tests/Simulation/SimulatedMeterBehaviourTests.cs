using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Dut.Tests.Profiles;
using Bench.Modbus.Client;
using Bench.Modbus.Pdu;
using Bench.Modbus.Transport;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Simulation;

/// <summary>
/// The simulated PM8000's error model, firmware faults, quantisation and rollover, observed the way the bench sees
/// them: through ModbusMeter, against the same grid observer the simulator measures with (the "true" value).
/// </summary>
public sealed class SimulatedMeterBehaviourTests
{
    private FakeTimeProvider _time = null!;
    private SimulatedGrid _grid = null!;
    private GridObserver _observer = null!;

    [SetUp]
    public void CreateGrid()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        _grid = new SimulatedGrid(_time);
        _observer = new GridObserver(_grid);
    }

    // Error curve of fixtures/dut/pm8000.yaml, PF 1: 1 % In → 0.06 %, 5 % → 0.03 %, 100 % → 0.01 %, 200 % → 0.015 %;
    // 50 % In interpolates linearly between 5 % and 100 %: 0.03 + (45/95)·(0.01 − 0.03) = 0.020526 %.
    [TestCase(0.05, 0.06)]
    [TestCase(0.25, 0.03)]
    [TestCase(2.5, 0.0205263)]
    [TestCase(5.0, 0.01)]
    [TestCase(10.0, 0.015)]
    public async Task Power_follows_the_profile_error_curve(double currentA, double expectedPercent)
    {
        Energize(230, currentA, PowerFactor.Unity);
        await using var sim = await SimulatedPm8000.StartAsync(_observer, new SimulatedMeterOptions(), CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, CancellationToken.None);
        var snapshot = await meter.ReadSnapshotAsync(CancellationToken.None);

        var error = ((snapshot.Instantaneous!.TotalActivePowerW / _observer.Measure().TotalActivePowerW) - 1) * 100;

        // float32 registers in kW carry ~1e-7 relative resolution: far below the 1e-4 % tolerance.
        Assert.That(error, Is.EqualTo(expectedPercent).Within(1e-4));
    }

    [Test]
    public async Task Capacitive_load_uses_the_capacitive_curve()
    {
        Energize(230, 5, new PowerFactor(0.8, LoadKind.Capacitive));
        await using var sim = await SimulatedPm8000.StartAsync(_observer, new SimulatedMeterOptions(), CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, CancellationToken.None);
        var m = (await meter.ReadSnapshotAsync(CancellationToken.None)).Instantaneous!;

        // pm8000.yaml: 100 % In at 0.8 C → −0.02 %. Q < 0 for a leading current; PF decodes from 4Q as 0.8.
        Assert.Multiple(() =>
        {
            Assert.That(((m.TotalActivePowerW / _observer.Measure().TotalActivePowerW) - 1) * 100, Is.EqualTo(-0.02).Within(1e-4));
            Assert.That(m.TotalReactivePowerVar, Is.LessThan(0));
            Assert.That(m.Phases[0].PowerFactor, Is.EqualTo(0.8).Within(1e-4));
        });
    }

    [Test]
    public async Task Firmware_2_1_0_reads_high_at_low_current()
    {
        // 0.1 A = 2 % In < 0.25 A: curve 0.06 + (1/4)·(0.03 − 0.06) = 0.0525 % plus the 0.6 % defect of firmware 2.1.0.
        // 1000 h at 69 W = 69 kWh, so the 1 Wh register step is 0.0015 % of it.
        var delta = await EnergyOverAsync(0.1, new SimulatedMeterOptions { Firmware = "2.1.0" }, TimeSpan.FromHours(1000));
        var reference = _observer.Measure().TotalActivePowerW * 1000;
        var resolution = 1 / reference * 100;
        Assert.That(((delta / reference) - 1) * 100, Is.EqualTo(0.6525).Within(resolution));
    }

    [Test]
    public async Task Firmware_2_1_1_stops_counting_below_its_creep_threshold()
    {
        var stalled = await EnergyOverAsync(0.02, new SimulatedMeterOptions { Firmware = "2.1.1" }, TimeSpan.FromHours(1));
        var healthy = await EnergyOverAsync(0.02, new SimulatedMeterOptions { Firmware = "3.1.0" }, TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(stalled, Is.Zero);
            Assert.That(healthy, Is.EqualTo(3 * 230 * 0.02).Within(1.0), "13.8 Wh in one hour");
        });
    }

    [Test]
    public async Task Energy_register_wraps_at_its_rollover_and_the_delta_survives()
    {
        // Generic profile: INT32 in 0.01 kWh steps, rollover 999 999.99 kWh = 999 999 990 Wh.
        Energize(230, 5, PowerFactor.Unity);
        var options = new SimulatedMeterOptions
        {
            Profile = DutProfile.Load(ProfileFiles.Generic),
            UseProfileErrorCurve = false,
            InitialActiveEnergyWh = 999_999_000,
            EnergyRolloverWh = 999_999_990,
        };
        await using var sim = await SimulatedPm8000.StartAsync(_observer, options, CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(options.Profile, sim.Resource, new ModbusMeterOptions { Time = _time }, CancellationToken.None);

        var before = await meter.ReadSnapshotAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var after = await meter.ReadSnapshotAsync(CancellationToken.None);

        // 3450 Wh in the hour: 999 999 000 + 3450 wraps to 2460 Wh; resolution 10 Wh (0.01 kWh).
        Assert.Multiple(() =>
        {
            Assert.That(after.ActiveEnergyDeliveredWh, Is.EqualTo(2460).Within(10));
            Assert.That(after.EnergyRolloverWh, Is.EqualTo(999_999_990).Within(1e-3));
            Assert.That(after.EnergyResolutionWh, Is.EqualTo(10).Within(1e-9));
            Assert.That(EnergyDelta.ActiveWh(before, after, meter.Resource), Is.EqualTo(3450).Within(10));
            Assert.That(after.Instantaneous!.Phases[0].VoltageRmsV, Is.EqualTo(230).Within(0.01), "CDAB floats in input registers");
        });
    }

    [Test]
    public async Task Float_kwh_register_is_quantised_as_a_float32()
    {
        Energize(230, 5, PowerFactor.Unity);
        var options = new SimulatedMeterOptions { InitialActiveEnergyWh = 12_345_678_400 };
        await using var sim = await SimulatedPm8000.StartAsync(_observer, options, CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, CancellationToken.None);
        var kwh = BuiltInProfiles.Pm8000.EnergyCounters.Single(c => c.Point.Number == 2700).Point;

        var values = await meter.ReadValuesAsync([kwh], CancellationToken.None);

        // 12 345 678.4 kWh lies between 2^23 and 2^24, where a float32 steps by 1 kWh (pm8000-map.md §4): reads 12 345 678 kWh.
        Assert.That(values[kwh], Is.EqualTo(12_345_678_000.0));
    }

    [Test]
    public async Task Simulator_answers_device_identification()
    {
        Energize(230, 5, PowerFactor.Unity);
        await using var sim = await SimulatedPm8000.StartAsync(_observer, new SimulatedMeterOptions { Model = "PM8243", Firmware = "3.2.0" }, CancellationToken.None);
        await using var client = new ModbusClient(await ModbusTcpTransport.ConnectAsync("127.0.0.1", sim.Port, TimeSpan.FromSeconds(1), CancellationToken.None));
        var objects = await client.ReadDeviceIdentificationAsync(1, DeviceIdCode.Basic, CancellationToken.None);
        Assert.That(objects.Values, Is.EqualTo(new[] { "Schneider Electric", "PM8243", "3.2.0" }));
    }

    [Test]
    public async Task Meter_reads_the_simulator_over_rtu()
    {
        using var pair = Bench.Testing.SocatPair.Start();
        Energize(230, 5, new PowerFactor(0.5, LoadKind.Inductive));
        var options = new SimulatedMeterOptions { SerialPort = pair.EndB, UseProfileErrorCurve = false };
        await using var sim = await SimulatedPm8000.StartAsync(_observer, options, CancellationToken.None);
        var resource = $"modbus-rtu://{pair.EndA}?baud=19200&parity=E&unit=1";
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, resource, CancellationToken.None);

        var identity = await meter.ReadIdentityAsync(CancellationToken.None);
        var m = (await meter.ReadSnapshotAsync(CancellationToken.None)).Instantaneous!;

        Assert.Multiple(() =>
        {
            Assert.That(identity.Model, Is.EqualTo("PM8240"));
            Assert.That(m.TotalActivePowerW, Is.EqualTo(3 * 230 * 5 * 0.5).Within(0.5));
        });
    }

    private async Task<double> EnergyOverAsync(double currentA, SimulatedMeterOptions options, TimeSpan gate)
    {
        Energize(230, currentA, PowerFactor.Unity);
        await using var sim = await SimulatedPm8000.StartAsync(_observer, options, CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(BuiltInProfiles.Pm8000, sim.Resource, CancellationToken.None);
        var before = await meter.ReadSnapshotAsync(CancellationToken.None);
        _time.Advance(gate);
        var after = await meter.ReadSnapshotAsync(CancellationToken.None);
        return EnergyDelta.ActiveWh(before, after, meter.Resource);
    }

    private void Energize(double voltageV, double currentA, PowerFactor pf)
    {
        _grid.Program(ThreePhaseSetpoint.Balanced(voltageV, currentA, pf, 50));
        _grid.SwitchOutput(true);
    }
}
