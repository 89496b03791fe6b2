using Bench.Core.Quantities;
using Bench.Dut.Meter;
using Bench.Dut.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Meter;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Dut.Tests.Meter;

/// <summary>The simulated PM8000 read back through ModbusMeter over loopback Modbus TCP, on a grid with a known setpoint.</summary>
public sealed class SimulatedMeterRoundTripTests
{
    private static string Pm8000Path => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "dut", "pm8000.yaml");

    [Test]
    public async Task Reads_identity_and_instantaneous_values_of_a_balanced_load()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var grid = new SimulatedGrid(time);
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Inductive), 50));
        grid.SwitchOutput(true);
        var options = new SimulatedMeterOptions { ErrorPercent = 0.5, UseProfileErrorCurve = false, SerialNumber = "1234567", Firmware = "3.1.0", Model = "PM8240" };
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), options, CancellationToken.None);
        var profile = DutProfile.Load(Pm8000Path);
        await using var meter = await ModbusMeter.ConnectAsync(profile, sim.Resource, new ModbusMeterOptions { Time = time }, CancellationToken.None);

        var identity = await meter.ReadIdentityAsync(CancellationToken.None);
        var snapshot = await meter.ReadSnapshotAsync(CancellationToken.None);
        var m = snapshot.Instantaneous!;

        // Expected values: U = 230 V, I = 5 A, P = U·I·cos φ = 575 W per phase, Q = U·I·sin φ = 995.9 var (φ = 60°),
        // S = 1150 VA; P, Q, S scaled by 1 + 0.5/100 as the simulator's error. PF 0.5 lagging decodes as +0.5.
        Assert.Multiple(() =>
        {
            Assert.That(identity.Manufacturer, Is.EqualTo("Schneider Electric"));
            Assert.That(identity.Model, Is.EqualTo("PM8240"));
            Assert.That(identity.SerialNumber, Is.EqualTo("1234567"));
            Assert.That(identity.Firmware, Is.EqualTo("3.1.0"));
            Assert.That(m.Phases, Has.Count.EqualTo(3));
            Assert.That(m.Phases[0].VoltageRmsV, Is.EqualTo(230).Within(0.01));
            Assert.That(m.Phases[2].CurrentRmsA, Is.EqualTo(5).Within(0.001));
            Assert.That(m.Phases[1].ActivePowerW, Is.EqualTo(575 * 1.005).Within(0.2));
            Assert.That(m.TotalActivePowerW, Is.EqualTo(3 * 575 * 1.005).Within(0.5));
            Assert.That(m.TotalReactivePowerVar, Is.EqualTo(3 * 230 * 5 * Math.Sin(Math.PI / 3) * 1.005).Within(1));
            Assert.That(m.Phases[0].PowerFactor, Is.EqualTo(0.5).Within(0.001));
            Assert.That(m.FrequencyHz, Is.EqualTo(50).Within(0.01));
            Assert.That(snapshot.Time, Is.EqualTo(time.GetUtcNow()));
            Assert.That(snapshot.EnergyResolutionWh, Is.EqualTo(1), "INT64 Wh register 3204");
        });
    }

    [Test]
    public async Task Energy_registers_count_over_the_grid_clock_with_the_error()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var grid = new SimulatedGrid(time);
        grid.Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        grid.SwitchOutput(true);
        var options = new SimulatedMeterOptions { ErrorPercent = 0.2, UseProfileErrorCurve = false, InitialActiveEnergyWh = 1_000_000 };
        await using var sim = await SimulatedPm8000.StartAsync(new GridObserver(grid), options, CancellationToken.None);
        await using var meter = await ModbusMeter.ConnectAsync(DutProfile.Load(Pm8000Path), sim.Resource, CancellationToken.None);

        var before = await meter.ReadSnapshotAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        var after = await meter.ReadSnapshotAsync(CancellationToken.None);

        // One hour at P = 3·230·5 = 3450 W, times 1.002: 3456.9 Wh; the INT64 Wh register floors to whole Wh.
        var delta = EnergyDelta.ActiveWh(before, after, meter.Resource);
        Assert.Multiple(() =>
        {
            Assert.That(before.ActiveEnergyDeliveredWh, Is.EqualTo(1_000_000));
            Assert.That(delta, Is.EqualTo(3450 * 1.002).Within(1.0));
        });
    }
}
