using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments;

using Microsoft.Extensions.Time.Testing;

namespace Bench.Instruments.Tests.Drivers;

// Each shipped profile drives a simulator that speaks that profile's dialect: a plan written for a Fluke 6105A or a
// Yokogawa WT5000 runs against the virtual bench unchanged. Expected values are analytic (P = U·I·cos φ, E = P·t).
public class DialectRoundTripTests
{
    public static IEnumerable<string> SourceProfiles() => Profiles(InstrumentProfile.SourceRole);

    public static IEnumerable<string> ReferenceProfiles() => Profiles(InstrumentProfile.ReferenceRole);

    [TestCaseSource(nameof(SourceProfiles))]
    public async Task SourceDriverProgramsTheGridThroughTheSimulatorOfItsModel(string file)
    {
        var profile = InstrumentProfile.LoadShipped(file);
        var grid = new SimulatedGrid(new FakeTimeProvider());
        await using var sim = await SimulatedSource.StartAsync(grid, Options(profile), CancellationToken.None);
        await using var source = await InstrumentConnector.OpenSourceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        Assert.That(source.Identity.Model, Does.Contain(profile.Model));

        var current = profile.HasCurrentOutput ? 5 : 0;
        var setpoint = ThreePhaseSetpoint.Balanced(120, current, new PowerFactor(0.5, LoadKind.Inductive), 60);
        await source.ApplyAsync(setpoint, CancellationToken.None);
        var state = grid.State;
        Assert.That(state.OutputOn, Is.True);
        Assert.That(state.Setpoint.FrequencyHz, Is.EqualTo(60));
        for (var k = 0; k < 3; k++)
        {
            Assert.That(state.Setpoint.Phases[k].VoltageV, Is.EqualTo(120), $"phase {k + 1}");
            Assert.That(state.Setpoint.Phases[k].VoltageAngleDeg, Is.EqualTo(setpoint.Phases[k].VoltageAngleDeg).Within(1e-9));
            Assert.That(state.Setpoint.Phases[k].CurrentA, Is.EqualTo(current));
        }

        await source.OutputOffAsync(CancellationToken.None);
        Assert.That(grid.State.OutputOn, Is.False);
    }

    [TestCaseSource(nameof(ReferenceProfiles))]
    public async Task ReferenceDriverMeasuresAndIntegratesThroughTheSimulatorOfItsModel(string file)
    {
        var profile = InstrumentProfile.LoadShipped(file);
        var time = new FakeTimeProvider();
        var grid = new SimulatedGrid(time);
        grid.Program(ThreePhaseSetpoint.Balanced(230, 10, new PowerFactor(0.8, LoadKind.Inductive), 50));
        grid.SwitchOutput(true);
        await using var sim = await SimulatedReference.StartAsync(new GridObserver(grid), Options(profile), CancellationToken.None);
        await using var reference = await InstrumentConnector.OpenReferenceAsync(profile, sim.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);

        var m = await reference.MeasureAsync(CancellationToken.None);
        Assert.That(m.Phases.Select(p => p.VoltageRmsV), Is.All.EqualTo(230).Within(0.01));
        Assert.That(m.Phases.Select(p => p.ActivePowerW), Is.All.EqualTo(230 * 10 * 0.8).Within(0.5)); // 1840 W
        Assert.That(m.Phases.Select(p => p.ReactivePowerVar), Is.All.EqualTo(230 * 10 * 0.6).Within(0.5)); // 1380 var
        Assert.That(m.Phases.Select(p => p.PowerFactor), Is.All.EqualTo(0.8).Within(1e-3));
        Assert.That(m.FrequencyHz, Is.EqualTo(50).Within(0.01));

        await reference.StartEnergyAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var e = await reference.StopEnergyAsync(CancellationToken.None);
        Assert.That(e.DurationS, Is.EqualTo(120));
        Assert.That(e.ActiveEnergyWh, Is.EqualTo(3 * 1840 * 120 / 3600.0).Within(0.05)); // 184 Wh
        Assert.That(e.ReactiveEnergyVarh, Is.EqualTo(3 * 1380 * 120 / 3600.0).Within(0.05)); // 138 varh
    }

    private static SimulatedInstrumentOptions Options(InstrumentProfile profile) =>
        new() { Profile = profile, ServeVxi11 = false, ServeHiSlip = false, TryPortmapper = false };

    private static IEnumerable<string> Profiles(string role)
    {
        var dir = Path.GetDirectoryName(InstrumentProfile.FindShipped("bench-sim-source.yaml"))!;
        return Directory.GetFiles(dir, "*.yaml").Where(f => InstrumentProfile.Load(f).HasRole(role)).Select(f => Path.GetFileName(f)).Order();
    }
}
