using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Instruments.Tests.Drivers;

public class VoltageEventAndPulseTests
{
    [TestCase("bench-sim-source.yaml", 5.0)]
    [TestCase("chroma-61512.yaml", 0.0)]
    [TestCase("ametek-ci-mx45-3pi.yaml", 0.0)]
    public async Task DipLowersTheChosenPhaseForItsDurationOnBenchTime(string file, double current)
    {
        var profile = InstrumentProfile.LoadShipped(file);
        var time = new FakeTimeProvider();
        var grid = new SimulatedGrid(time);
        await using var sim = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Profile = profile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var source = await InstrumentConnector.OpenSourceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, current, PowerFactor.Unity, 50), CancellationToken.None);

        var events = (IVoltageEventSource)source;
        Assert.That(events.SupportsVoltageEvents, Is.True);
        await events.RunVoltageEventAsync(new VoltageEvent(40, 0.5, [2]), CancellationToken.None);

        // 40 % residual of 230 V = 92 V on L2 only, for 0.5 s of bench time.
        Assert.That(grid.State.Setpoint.Phases.Select(p => p.VoltageV), Is.EqualTo(new[] { 230, 92, 230 }).Within(1e-9));
        time.Advance(TimeSpan.FromSeconds(0.49));
        Assert.That(grid.State.Setpoint.Phases[1].VoltageV, Is.EqualTo(92).Within(1e-9));
        time.Advance(TimeSpan.FromSeconds(0.02));
        Assert.That(grid.State.Setpoint.Phases[1].VoltageV, Is.EqualTo(230).Within(1e-9));

        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, current, PowerFactor.Unity, 50), CancellationToken.None); // restores steady mode first
        Assert.That(grid.State.OutputOn, Is.True);
    }

    [Test]
    public async Task SourceWithoutEventSupportSaysSo()
    {
        var profile = InstrumentProfile.LoadShipped("fluke-6105a.yaml");
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var sim = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Profile = profile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var source = await InstrumentConnector.OpenSourceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        Assert.That(((IVoltageEventSource)source).SupportsVoltageEvents, Is.False);
        Assert.That(() => ((IVoltageEventSource)source).RunVoltageEventAsync(VoltageEvent.AllPhases(0, 0.1), CancellationToken.None),
            Throws.TypeOf<Bench.Core.Errors.BenchInputException>().With.Message.Contains("voltage_event"));
    }

    [Test]
    public async Task VoltageOnlySourceRefusesACurrentSetpoint()
    {
        var profile = InstrumentProfile.LoadShipped("chroma-61512.yaml");
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var sim = await SimulatedSource.StartAsync(grid, new SimulatedInstrumentOptions { Profile = profile, ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var source = await InstrumentConnector.OpenSourceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        Assert.That(() => source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None),
            Throws.TypeOf<Bench.Core.Errors.BenchInputException>().With.Message.Contains("phantom-load"));
    }

    [Test]
    public async Task ReferenceCountsPulsesOfItsInput()
    {
        long meterPulses = 1000;
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var sim = await SimulatedReference.StartAsync(new GridObserver(grid), new SimulatedInstrumentOptions { PulseInput = () => Interlocked.Read(ref meterPulses), ServeVxi11 = false, ServeHiSlip = false }, CancellationToken.None);
        await using var reference = await InstrumentConnector.OpenReferenceAsync(InstrumentProfile.LoadShipped("bench-sim-reference.yaml"), sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        var counter = (IPulseCounter)reference;
        await counter.StartPulseCountAsync(CancellationToken.None);
        Interlocked.Add(ref meterPulses, 437);
        Assert.That(await counter.ReadPulseCountAsync(CancellationToken.None), Is.EqualTo(437));
    }
}
