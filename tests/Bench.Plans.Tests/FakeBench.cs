using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Core.Quantities;
using Bench.Core.Time;
using Bench.Dut.Meter;
using Bench.Instruments.Roles;

namespace Bench.Plans.Tests;

/// <summary>
/// In-process stand-ins for the executor's logic tests only (fault handling, safe state, resume). The real drivers
/// and simulators over loopback are exercised by the end-to-end tests in Bench.Cli.Tests.
/// An ideal bench: power = Σ U·I·PF; the meter reads the reference energy times (1 + error/100).
/// </summary>
internal sealed class FakeBench : IThreePhaseSource, IReferenceStandard, IMeterUnderTest, IBenchClock
{
    private DateTimeOffset _now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private ThreePhaseSetpoint? _applied;
    private DateTimeOffset _gateStart;
    private double _meterWh;

    public double MeterErrorPercent { get; set; }

    /// <summary>Extra error (percent) as a function of what the source puts out: for influence tests.</summary>
    public Func<ThreePhaseSetpoint, double>? ErrorModel { get; set; }

    /// <summary>Energy the meter registers per hour whatever the load: a creeping meter.</summary>
    public double CreepWhPerHour { get; set; }

    /// <summary>Below this current the meter registers nothing: a meter that does not start.</summary>
    public double DeadBelowA { get; set; }

    /// <summary>When set, the meter reports instantaneous values: the source's own, offset by these biases.</summary>
    public (double VoltageV, double FrequencyHz)? InstantaneousBias { get; set; }

    public int ApplyCount { get; private set; }

    public int OutputOffCount { get; private set; }

    public bool OutputOn { get; private set; }

    /// <summary>Apply number (1-based) at which the source throws a fault; 0 = never.</summary>
    public HashSet<int> FaultOnApply { get; } = [];

    public Action? OnApply { get; set; }

    public DateOnly? CalibrationDue { get; set; } = new DateOnly(2030, 1, 1);

    public InstrumentIdentity Identity => new("reference", "Fake", "Ideal", "1", "1", "fake://bench") { CalibrationDue = CalibrationDue, CalibrationCertificate = "C-1" };

    public string Resource => "fake://meter";

    public TimeProvider Time => throw new NotSupportedException();

    public DateTimeOffset Now => _now;

    private double PowerW => _applied is null || !OutputOn ? 0 : _applied.Phases.Sum(p => p.VoltageV * p.CurrentA * Math.Cos((p.VoltageAngleDeg - p.CurrentAngleDeg) * Math.PI / 180));

    public Task ApplyAsync(ThreePhaseSetpoint setpoint, CancellationToken cancellationToken)
    {
        ApplyCount++;
        OnApply?.Invoke();
        cancellationToken.ThrowIfCancellationRequested();
        if (FaultOnApply.Contains(ApplyCount))
        {
            throw new InstrumentFaultException("fake://source", "timeout after 2000 ms waiting for *OPC?");
        }

        _applied = setpoint;
        OutputOn = true;
        return Task.CompletedTask;
    }

    public Task OutputOffAsync(CancellationToken cancellationToken)
    {
        OutputOffCount++;
        OutputOn = false;
        return Task.CompletedTask;
    }

    public Task<ThreePhaseMeasurement> MeasureAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_applied is null
            ? new ThreePhaseMeasurement([new PhaseMeasurement(230, 1, PowerW, 0, PowerW, 1)], 50)
            : new ThreePhaseMeasurement(_applied.Phases.Select(p => new PhaseMeasurement(p.VoltageV, p.CurrentA, PowerW / 3, 0, PowerW / 3, 1)).ToList(), _applied.FrequencyHz));

    public Task StartEnergyAsync(CancellationToken cancellationToken)
    {
        _gateStart = _now;
        return Task.CompletedTask;
    }

    public Task<EnergyIntegration> StopEnergyAsync(CancellationToken cancellationToken)
    {
        var hours = (_now - _gateStart).TotalHours;
        return Task.FromResult(new EnergyIntegration(PowerW * hours, 0, hours * 3600));
    }

    public Task<MeterIdentity> ReadIdentityAsync(CancellationToken cancellationToken) => Task.FromResult(new MeterIdentity("Fake", "M", "SN1", "1.0"));

    public Task<MeterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new MeterSnapshot(_now, Math.Floor(_meterWh), null, Instantaneous()) { EnergyResolutionWh = 1 });

    private ThreePhaseMeasurement? Instantaneous()
    {
        if (InstantaneousBias is not { } bias || _applied is null)
        {
            return null;
        }

        var phases = _applied.Phases.Select(p => new PhaseMeasurement(p.VoltageV + bias.VoltageV, p.CurrentA, 0, 0, 0, 1)).ToList();
        return new ThreePhaseMeasurement(phases, _applied.FrequencyHz + bias.FrequencyHz);
    }

    public Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dead = _applied is not null && _applied.Phases.Max(p => p.CurrentA) < DeadBelowA;
        var error = MeterErrorPercent + (_applied is null ? 0 : ErrorModel?.Invoke(_applied) ?? 0);
        _meterWh += dead ? 0 : PowerW * duration.TotalHours * (1 + (error / 100));
        _meterWh += OutputOn ? CreepWhPerHour * duration.TotalHours : 0;
        _now += duration;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
