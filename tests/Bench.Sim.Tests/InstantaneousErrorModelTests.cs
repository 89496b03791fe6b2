using Bench.Core.Quantities;
using Bench.Dut.Profiles;
using Bench.Instruments.Profiles;
using Bench.Modbus.Data;
using Bench.Sim.Meter;

namespace Bench.Sim.Tests;

/// <summary>
/// The simulated meter's instantaneous error model, checked against hand arithmetic: gains in % of reading, PF offset
/// (absolute, limited to 1), THD and unbalance offsets in points, IN as the vector sum at the grid's angles; and the
/// profile section that sets it.
/// </summary>
public class InstantaneousErrorModelTests
{
    private static readonly ThreePhaseMeasurement Observed = new(
        [new PhaseMeasurement(230, 5, 575, 995.93, 1150, 0.5), new PhaseMeasurement(230, 5, 575, 995.93, 1150, 0.5), new PhaseMeasurement(230, 5, 575, 995.93, 1150, 0.5)],
        50);

    [Test]
    public void Gains_scale_each_quantity_and_pf_follows_p_over_s_plus_its_offset()
    {
        var model = new InstantaneousErrorModel(new InstantaneousErrors
        {
            VoltagePercent = 0.1,
            CurrentPercent = -0.2,
            FrequencyPercent = 0.01,
            ActivePowerPercent = 0.5,
            ReactivePowerPercent = 1,
            ApparentPowerPercent = -0.5,
            PowerFactorOffset = 0.002,
        });
        var shown = model.Apply(Observed);
        var p = shown.Phases[1];
        Assert.Multiple(() =>
        {
            Assert.That(p.VoltageRmsV, Is.EqualTo(230.23).Within(1e-9));
            Assert.That(p.CurrentRmsA, Is.EqualTo(4.99).Within(1e-9));
            Assert.That(shown.FrequencyHz, Is.EqualTo(50.005).Within(1e-9));
            Assert.That(p.ActivePowerW, Is.EqualTo(577.875).Within(1e-9));
            Assert.That(p.ReactivePowerVar, Is.EqualTo(995.93 * 1.01).Within(1e-9));
            Assert.That(p.ApparentPowerVA, Is.EqualTo(1144.25).Within(1e-9));
            Assert.That(p.PowerFactor, Is.EqualTo((0.5 * 1.005 / 0.995) + 0.002).Within(1e-12));
        });
    }

    [Test]
    public void Extra_readings_give_total_pf_neutral_current_and_unbalance()
    {
        var model = new InstantaneousErrorModel(new InstantaneousErrors { PowerFactorOffset = 0.01, NeutralCurrentPercent = 1, VoltageUnbalancePoints = 0.1 });
        var observed = Observed with { Phases = [Observed.Phases[0] with { VoltageRmsV = 234.6 }, Observed.Phases[1] with { VoltageRmsV = 227.7, CurrentRmsA = 0 }, Observed.Phases[2] with { VoltageRmsV = 227.7, CurrentRmsA = 0 }] };
        var set = ThreePhaseSetpoint.SinglePhaseLoad(230, 5, 60, 50, 0);
        var shown = model.Apply(observed);
        var extra = model.ExtraReadings(observed, shown, set);
        Assert.Multiple(() =>
        {
            Assert.That(FourQuadrantPowerFactor.Decode(extra[MeterQuantity.PowerFactorTotal]).PowerFactor, Is.EqualTo(0.51).Within(1e-9), "P/S = 0.5, + 0.01");
            Assert.That(extra[MeterQuantity.CurrentN], Is.EqualTo(5.05).Within(1e-9), "L1 only: IN = I1, +1 %");
            Assert.That(extra[MeterQuantity.VoltageUnbalanceLN], Is.EqualTo(2.1).Within(1e-9), "234.6 V is 2 % above the 230 V mean, +0.1 point");
        });
    }

    [Test]
    public void Pf_cannot_exceed_one_and_thd_cannot_go_negative()
    {
        var model = new InstantaneousErrorModel(new InstantaneousErrors { PowerFactorOffset = 0.01, VoltageThdPoints = -0.5, CurrentThdPoints = 0.2 });
        var unity = Observed with { Phases = Observed.Phases.Select(p => p with { PowerFactor = 1 }).ToList() };
        Assert.Multiple(() =>
        {
            Assert.That(model.Apply(unity).Phases[0].PowerFactor, Is.EqualTo(1));
            Assert.That(model.ApplyToThd([0.2, 3, 3, 10, 10, 10], 3), Is.EqualTo(new[] { 0, 2.5, 2.5, 10.2, 10.2, 10.2 }).Within(1e-12));
        });
    }

    [Test]
    public void The_profile_section_sets_the_errors_and_the_options_override_it()
    {
        var yaml = File.ReadAllText(ShippedFiles.Find("fixtures/dut", "pm8000.yaml"));
        var shipped = DutProfile.Parse(yaml, "pm8000.yaml");
        var edited = DutProfile.Parse(yaml.Replace("voltage_percent: 0.004", "voltage_percent: 0.25", StringComparison.Ordinal), "edited.yaml");
        var profileModel = new MeterErrorModel(edited, new SimulatedMeterOptions());
        var optionModel = new MeterErrorModel(edited, new SimulatedMeterOptions { InstantaneousErrors = InstantaneousErrors.None });
        Assert.Multiple(() =>
        {
            Assert.That(shipped.Simulation.Instantaneous.VoltagePercent, Is.EqualTo(0.004));
            Assert.That(shipped.Simulation.Instantaneous.CurrentThdPoints, Is.EqualTo(0.01));
            Assert.That(profileModel.Apply(Observed).Phases[0].VoltageRmsV, Is.EqualTo(230.575).Within(1e-9));
            Assert.That(optionModel.Apply(Observed).Phases[0].VoltageRmsV, Is.EqualTo(230));
            Assert.That(() => DutProfile.Parse(yaml.Replace("voltage_percent: 0.004", "voltage_percnt: 0.004", StringComparison.Ordinal), "typo.yaml"), Throws.TypeOf<Core.Errors.BenchInputException>().With.Message.Contains("voltage_percnt"));
        });
    }

    [Test]
    public void Instantaneous_power_errors_never_reach_the_energy_registers()
    {
        var profile = DutProfile.Parse(File.ReadAllText(ShippedFiles.Find("fixtures/dut", "pm8000.yaml")), "pm8000.yaml");
        var model = new MeterErrorModel(profile, new SimulatedMeterOptions { ErrorPercent = 0.1, UseProfileErrorCurve = false, InstantaneousErrors = new() { ActivePowerPercent = 5 } });
        Assert.Multiple(() =>
        {
            Assert.That(model.ApplyToEnergy(Observed).TotalActivePowerW, Is.EqualTo(1725 * 1.001).Within(1e-9), "--meter-error keeps its energy meaning");
            Assert.That(model.Apply(Observed).TotalActivePowerW, Is.EqualTo(1725 * 1.001 * 1.05).Within(1e-9), "and also scales the power shown, under the instantaneous error");
        });
    }
}
