using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Sim.Instruments;

namespace Bench.Instruments.Tests.Drivers;

public class InstrumentConnectorTests
{
    private static readonly InstrumentCalibration Calibration = new("CAL-2026-042", new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1));
    private LoopbackBench _bench = null!;

    [SetUp]
    public async Task StartBench() => _bench = await LoopbackBench.StartAsync();

    [TearDown]
    public async Task StopBench() => await _bench.DisposeAsync();

    [Test]
    public async Task SourceIdentityComesFromIdnWithCalibration()
    {
        // The five-argument overload is the contract the executor uses.
        await using var source = await InstrumentConnector.OpenSourceAsync(Profile("bench-sim-source.yaml"), _bench.Source.Resource, Calibration, null, CancellationToken.None);
        Assert.That(source.Identity.Role, Is.EqualTo("source"));
        Assert.That((source.Identity.Manufacturer, source.Identity.Model, source.Identity.SerialNumber, source.Identity.Firmware),
            Is.EqualTo(("Bench", "SIM-SOURCE-3P", "SIM0001", "1.0")));
        Assert.That(source.Identity.Resource, Is.EqualTo(_bench.Source.Resource));
        Assert.That(source.Identity.CalibrationCertificate, Is.EqualTo("CAL-2026-042"));
        Assert.That(source.Identity.CalibrationDue, Is.EqualTo(new DateOnly(2027, 3, 1)));
    }

    [Test]
    public async Task ApplyProgramsTheGridAndOutputOffRestoresTheSafeState()
    {
        await using var source = await OpenSource();
        var setpoint = ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Inductive), 50);
        await source.ApplyAsync(setpoint, CancellationToken.None);
        var state = _bench.Grid.State;
        Assert.That(state.OutputOn, Is.True);
        for (var k = 0; k < 3; k++)
        {
            Assert.That(state.Setpoint.Phases[k].VoltageV, Is.EqualTo(230));
            Assert.That(state.Setpoint.Phases[k].CurrentA, Is.EqualTo(5));
            Assert.That(state.Setpoint.Phases[k].CurrentAngleDeg, Is.EqualTo(setpoint.Phases[k].CurrentAngleDeg).Within(1e-12));
        }

        await source.OutputOffAsync(CancellationToken.None);
        Assert.That(_bench.Grid.State.OutputOn, Is.False);
    }

    [Test]
    public async Task ReferenceMeasuresWhatTheSourceApplies()
    {
        await using var source = await OpenSource();
        await using var reference = await OpenReference();
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Inductive), 50), CancellationToken.None);
        var m = await reference.MeasureAsync(CancellationToken.None);

        // P = U·I·cos φ = 230·5·0.5 = 575 W per phase; Q = U·I·sin φ = 230·5·0.866 = 995.9 var (analytic).
        Assert.That(m.Phases.Select(p => p.VoltageRmsV), Is.All.EqualTo(230).Within(0.01));
        Assert.That(m.Phases.Select(p => p.ActivePowerW), Is.All.EqualTo(575).Within(0.1));
        Assert.That(m.Phases.Select(p => p.ReactivePowerVar), Is.All.EqualTo(230 * 5 * Math.Sqrt(3) / 2).Within(0.2));
        Assert.That(m.FrequencyHz, Is.EqualTo(50).Within(0.01));
    }

    [Test]
    public async Task EnergyIntegratesOnTheBenchClock()
    {
        await using var source = await OpenSource();
        await using var reference = await OpenReference();
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None);
        await reference.StartEnergyAsync(CancellationToken.None);
        _bench.Time.Advance(TimeSpan.FromSeconds(60));
        var e = await reference.StopEnergyAsync(CancellationToken.None);

        // 3 · 230 V · 5 A · 60 s / 3600 = 57.5 Wh at PF 1 (analytic); reactive ≈ 0.
        Assert.That(e.DurationS, Is.EqualTo(60));
        Assert.That(e.ActiveEnergyWh, Is.EqualTo(57.5).Within(57.5 * 1e-4));
        Assert.That(e.ReactiveEnergyVarh, Is.EqualTo(0).Within(0.01));
    }

    [Test]
    public async Task ReferenceErrorModelShiftsEnergyByItsGain()
    {
        await using var bench = await LoopbackBench.StartAsync(reference: new SimulatedInstrumentOptions { ReferenceGainErrorPpm = 500 });
        await using var source = await InstrumentConnector.OpenSourceAsync(Profile("bench-sim-source.yaml"), bench.Source.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        await using var reference = await InstrumentConnector.OpenReferenceAsync(Profile("bench-sim-reference.yaml"), bench.Reference.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None);
        await reference.StartEnergyAsync(CancellationToken.None);
        bench.Time.Advance(TimeSpan.FromSeconds(60));
        var e = await reference.StopEnergyAsync(CancellationToken.None);
        Assert.That(e.ActiveEnergyWh / 57.5, Is.EqualTo(1.0005).Within(1e-5));
    }

    [Test]
    public void BadResourceIsAnInputErrorNamingIt()
    {
        var ex = Assert.ThrowsAsync<BenchInputException>(() => InstrumentConnector.OpenSourceAsync(Profile("bench-sim-source.yaml"), "TCPIP::host::SOCKET", null, null, TestTimeouts.Connection, CancellationToken.None));
        Assert.That(ex!.Location, Is.EqualTo("TCPIP::host::SOCKET"));
    }

    [Test]
    public void WrongRoleIsAnInputErrorNamingTheProfile()
    {
        var profile = Profile("bench-sim-reference.yaml");
        var ex = Assert.ThrowsAsync<BenchInputException>(() => InstrumentConnector.OpenSourceAsync(profile, _bench.Source.Resource, null, null, TestTimeouts.Connection, CancellationToken.None));
        Assert.That(ex!.Location, Is.EqualTo(profile.Path));
    }

    [Test]
    public async Task UnreachableInstrumentIsAFaultNamingTheResource()
    {
        var port = _bench.Source.Resource.Split("::")[2];
        await _bench.Source.DisposeAsync();
        var resource = $"TCPIP::127.0.0.1::{port}::SOCKET";
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => InstrumentConnector.OpenSourceAsync(Profile("bench-sim-source.yaml"), resource, null, null, TestTimeouts.Connection, CancellationToken.None));
        Assert.That(ex!.Resource, Is.EqualTo(resource));
    }

    [Test]
    public void WrongInstrumentFailsTheIdentityCheck()
    {
        // The reference answers *IDN? with SIM-REFERENCE-3P, which the source profile's pattern refuses.
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => InstrumentConnector.OpenSourceAsync(Profile("bench-sim-source.yaml"), _bench.Reference.Resource, null, null, TestTimeouts.Connection, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("SIM-REFERENCE-3P").And.Contain("does not match"));
    }

    [Test]
    public async Task RefusedStepNamesTheCommand()
    {
        await using var source = await OpenSource();
        _bench.Source.Faults.ErrorOnCommand = "PHASe2:CURR";
        var ex = Assert.ThrowsAsync<InstrumentFaultException>(() => source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("PHASe2:CURRent 5,-120").And.Contain("-200"));
    }

    [Test]
    public async Task OutOfRangeSetpointIsRefusedBeforeAnythingIsSent()
    {
        await using var source = await OpenSource();
        var ex = Assert.ThrowsAsync<BenchInputException>(() => source.ApplyAsync(ThreePhaseSetpoint.Balanced(400, 5, PowerFactor.Unity, 50), CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("400 V"));
        Assert.That(_bench.Grid.State.OutputOn, Is.False);
    }

    [Test]
    public async Task SafeStateReconnectsAfterADroppedConnection()
    {
        await using var source = await OpenSource();
        await source.ApplyAsync(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50), CancellationToken.None);
        _bench.Source.Faults.DropAfterCommands = 0;
        await source.OutputOffAsync(CancellationToken.None);
        Assert.That(_bench.Grid.State.OutputOn, Is.False);
    }

    private static InstrumentProfile Profile(string file) => InstrumentProfile.LoadShipped(file);

    private Task<Roles.IThreePhaseSource> OpenSource() =>
        InstrumentConnector.OpenSourceAsync(Profile("bench-sim-source.yaml"), _bench.Source.Resource, Calibration, null, TestTimeouts.Connection, CancellationToken.None);

    private Task<Roles.IReferenceStandard> OpenReference() =>
        InstrumentConnector.OpenReferenceAsync(Profile("bench-sim-reference.yaml"), _bench.Reference.Resource, Calibration, null, TestTimeouts.Connection, CancellationToken.None);
}
