using Bench.Core.Errors;
using Bench.Core.Quantities;
using Bench.Instruments.Drivers;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;

namespace Bench.Instruments.Tests.Drivers;

/// <summary>
/// The reference role's optional capabilities over SCPI, through the real driver against the simulated reference:
/// apparent-energy integration (energy field VAH) and THD per phase (section 'thd'); a profile without them says so.
/// </summary>
public class ReferenceApparentEnergyAndThdTests
{
    private LoopbackBench _bench = null!;

    [SetUp]
    public async Task StartBench() => _bench = await LoopbackBench.StartAsync();

    [TearDown]
    public async Task StopBench() => await _bench.DisposeAsync();

    [Test]
    public async Task The_simulated_reference_integrates_arithmetic_apparent_energy()
    {
        await using var reference = await Open(InstrumentProfile.LoadShipped("bench-sim-reference.yaml"));
        Program(ThreePhaseSetpoint.Balanced(230, 5, new PowerFactor(0.5, LoadKind.Inductive), 50));
        await reference.StartEnergyAsync(CancellationToken.None);
        _bench.Time.Advance(TimeSpan.FromSeconds(60));
        var e = await reference.StopEnergyAsync(CancellationToken.None);

        // S = 3 · 230 V · 5 A = 3450 VA; over 60 s: 57.5 VAh; P = S · 0.5 → 28.75 Wh (analytic).
        Assert.Multiple(() =>
        {
            Assert.That(((IApparentEnergyReference)reference).SupportsApparentEnergy, Is.True);
            Assert.That(((IApparentEnergyReference)reference).ApparentEnergyDefinition, Does.StartWith("arithmetic"));
            Assert.That(e.ApparentEnergyVAh, Is.EqualTo(57.5).Within(57.5 * 1e-4));
            Assert.That(e.ActiveEnergyWh, Is.EqualTo(28.75).Within(28.75 * 1e-4));
        });
    }

    [Test]
    public async Task The_simulated_reference_measures_thd_on_its_waveform()
    {
        await using var reference = await Open(InstrumentProfile.LoadShipped("bench-sim-reference.yaml"));
        var setpoint = ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50);
        Program(setpoint with
        {
            Phases = setpoint.Phases.Select(p => p with
            {
                VoltageHarmonics = [new HarmonicComponent(5, 10, 0), new HarmonicComponent(7, 5, 0)],
                CurrentHarmonics = [new HarmonicComponent(3, 20, 0), new HarmonicComponent(5, 40, 0)],
            }).ToList(),
        });
        var harmonic = (IHarmonicReference)reference;
        var thd = await harmonic.MeasureThdAsync(CancellationToken.None);

        // THD-F = √(Σ h²) of the set content: √(10² + 5²) = 11.1803 % for U, √(20² + 40²) = 44.7214 % for I (analytic).
        Assert.Multiple(() =>
        {
            Assert.That(harmonic.SupportsThd, Is.True);
            Assert.That(harmonic.ThdAccuracy, Is.Null, "the simulator's profile states no THD accuracy");
            Assert.That(thd.VoltagePercent, Has.Count.EqualTo(3).And.All.EqualTo(Math.Sqrt(125)).Within(0.01));
            Assert.That(thd.CurrentPercent, Has.Count.EqualTo(3).And.All.EqualTo(Math.Sqrt(2000)).Within(0.02));
            Assert.That(thd.Method, Does.Contain("h2-h50"));
        });
    }

    [Test]
    public async Task A_reference_without_the_capabilities_says_so()
    {
        await using var reference = await Open(Without(InstrumentProfile.FindShipped("bench-sim-reference.yaml")));
        Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        await reference.StartEnergyAsync(CancellationToken.None);
        _bench.Time.Advance(TimeSpan.FromSeconds(10));
        var e = await reference.StopEnergyAsync(CancellationToken.None);
        var harmonic = (IHarmonicReference)reference;
        Assert.Multiple(() =>
        {
            Assert.That(((IApparentEnergyReference)reference).SupportsApparentEnergy, Is.False);
            Assert.That(e.ApparentEnergyVAh, Is.NaN);
            Assert.That(e.ActiveEnergyWh, Is.EqualTo(3 * 230 * 5 * 10 / 3600.0).Within(1e-3), "Wh still integrates: 3·230·5·10 s / 3600");
            Assert.That(harmonic.SupportsThd, Is.False);
            Assert.That(() => harmonic.MeasureThdAsync(CancellationToken.None), Throws.InstanceOf<BenchInputException>().With.Message.Contains("no 'thd' section"));
        });
    }

    [Test]
    public async Task Thd_fields_may_share_the_measurement_query()
    {
        // As a Yokogawa would with UTHD/ITHD numeric items: items 23-28 of the same :NUMeric:NORMal:VALue? reply.
        var path = InstrumentProfile.FindShipped("yokogawa-wt5000.yaml");
        var text = File.ReadAllText(path) + "\nthd:\n  query: \":NUMeric:NORMal:VALue?\"\n  fields: [" + string.Concat(Enumerable.Repeat("\"-\", ", 22)) + "THDU1, THDU2, THDU3, THDI1, THDI2, THDI3]\n  method: \"test\"\n";
        var profile = InstrumentProfile.Parse(text, path);
        await using var bench = await LoopbackBench.StartAsync(reference: new Sim.Instruments.SimulatedInstrumentOptions { Profile = profile, Serial = "91K000001" });
        await using var reference = (ProfileReference)await InstrumentConnector.OpenReferenceAsync(profile, bench.Reference.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
        var setpoint = ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50);
        bench.Grid.Program(setpoint with { Phases = setpoint.Phases.Select(p => p with { VoltageHarmonics = [new HarmonicComponent(3, 4, 0)] }).ToList() });
        bench.Grid.SwitchOutput(true);
        var m = await reference.MeasureAsync(CancellationToken.None);
        var thd = await reference.MeasureThdAsync(CancellationToken.None);

        // U = 230·√(1 + 0.04²) = 230.184 V rms; THDu = 4 %, THDi = 0 (analytic).
        Assert.Multiple(() =>
        {
            Assert.That(m.Phases.Select(p => p.VoltageRmsV), Has.All.EqualTo(230 * Math.Sqrt(1.0016)).Within(0.02));
            Assert.That(thd.VoltagePercent, Has.All.EqualTo(4).Within(0.01));
            Assert.That(thd.CurrentPercent, Has.All.EqualTo(0).Within(0.01));
        });
    }

    [Test]
    public async Task A_garbled_thd_reply_is_an_instrument_fault()
    {
        await using var reference = await Open(InstrumentProfile.LoadShipped("bench-sim-reference.yaml"));
        Program(ThreePhaseSetpoint.Balanced(230, 5, PowerFactor.Unity, 50));
        _bench.Reference.Faults.GarbleNextReplies = 1;
        Assert.That(() => ((IHarmonicReference)reference).MeasureThdAsync(CancellationToken.None), Throws.InstanceOf<InstrumentFaultException>());
    }

    /// <summary>The shipped simulator profile with VAH dropped from the energy fields and no 'thd' section.</summary>
    internal static InstrumentProfile Without(string path)
    {
        var text = File.ReadAllText(path).Replace("fields: [WH, VARH, TIME, VAH]", "fields: [WH, VARH, TIME]", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("thd:", StringComparison.Ordinal) || line.StartsWith("  apparent_definition:", StringComparison.Ordinal))
            {
                skipping = line.StartsWith("thd:", StringComparison.Ordinal);
                continue;
            }

            if (skipping && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                skipping = false;
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        var profile = InstrumentProfile.Parse(string.Join('\n', kept), path);
        return profile.Thd is null && profile.Energy is { HasApparentEnergy: false } ? profile : throw new InvalidOperationException("VAH or thd was not removed");
    }

    private void Program(ThreePhaseSetpoint setpoint)
    {
        _bench.Grid.Program(setpoint);
        _bench.Grid.SwitchOutput(true);
    }

    private async Task<ProfileReference> Open(InstrumentProfile profile) =>
        (ProfileReference)await InstrumentConnector.OpenReferenceAsync(profile, _bench.Reference.Resource, null, null, TestTimeouts.Connection, CancellationToken.None);
}
