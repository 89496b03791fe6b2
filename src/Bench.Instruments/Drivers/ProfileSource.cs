using System.Globalization;

using Bench.Core.Errors;
using Bench.Core.Identity;
using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Instruments.Roles;

using Microsoft.Extensions.Logging;

namespace Bench.Instruments.Drivers;

/// <summary>
/// A three-phase source driven by its profile's command templates: frequency, then per phase U and I with their angles
/// (and harmonics), output on, *OPC?. Each step drains the error queue; out-of-range setpoints are refused before sending.
/// </summary>
public sealed class ProfileSource : IThreePhaseSource, IVoltageEventSource
{
    private readonly ProfileSession _session;
    private readonly ILogger? _logger;
    private ThreePhaseSetpoint? _applied;
    private bool _eventRan;
    private bool _flickerOn;
    private readonly CancellationTokenSource _keepAliveStop = new();
    private Task? _keepAlive;

    internal ProfileSource(ProfileSession session, ILogger? logger)
    {
        _session = session;
        _logger = logger;
    }

    public InstrumentIdentity Identity => _session.Identity;

    public InstrumentProfile Profile => _session.Profile;

    /// <summary>The SCPI session, for transcripts and profile commands beyond the role.</summary>
    public Visa.Scpi.ScpiSession Scpi => _session.Scpi;

    public async Task ApplyAsync(ThreePhaseSetpoint setpoint, CancellationToken cancellationToken)
    {
        Check(setpoint);
        if (_eventRan && Profile.VoltageEvent is { } ev)
        {
            foreach (var t in ev.Restore)
            {
                await _session.Scpi.ConfigureAsync(t.Render(), cancellationToken).ConfigureAwait(false);
            }

            _eventRan = false;
        }

        if (_flickerOn)
        {
            await SetFlickerAsync(0, 0, cancellationToken).ConfigureAwait(false); // a new setting is steady
        }

        await _session.ConfigureAsync("set_frequency", cancellationToken, ("frequency", setpoint.FrequencyHz)).ConfigureAwait(false);
        for (var k = 0; k < Math.Min(setpoint.Phases.Count, Profile.Phases); k++)
        {
            var phase = k + 1;
            var p = setpoint.Phases[k];
            if (Profile.Command("select_phase") is not null)
            {
                await _session.ConfigureAsync("select_phase", cancellationToken, ("phase", phase)).ConfigureAwait(false);
            }

            await _session.ConfigureAsync("set_voltage", cancellationToken, ("phase", phase), ("voltage", p.VoltageV), ("angle", p.VoltageAngleDeg)).ConfigureAwait(false);
            if (Profile.Command("set_voltage_angle") is not null)
            {
                await _session.ConfigureAsync("set_voltage_angle", cancellationToken, ("phase", phase), ("angle", p.VoltageAngleDeg)).ConfigureAwait(false);
            }

            if (Profile.HasCurrentOutput)
            {
                await _session.ConfigureAsync("set_current", cancellationToken, ("phase", phase), ("current", p.CurrentA), ("angle", p.CurrentAngleDeg)).ConfigureAwait(false);
            }

            if (Profile.HasCurrentOutput && Profile.Command("set_current_angle") is not null)
            {
                await _session.ConfigureAsync("set_current_angle", cancellationToken, ("phase", phase), ("angle", p.CurrentAngleDeg)).ConfigureAwait(false);
            }

            await ApplyHarmonicsAsync(phase, p, cancellationToken).ConfigureAwait(false);
        }

        await _session.ConfigureAsync("output_on", cancellationToken).ConfigureAwait(false);
        _applied = setpoint;
        if (Profile.UseOperationComplete)
        {
            await _session.Scpi.WaitOperationCompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OutputOffAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _session.ConfigureAllAsync(Profile.SafeState, cancellationToken).ConfigureAwait(false);
        }
        catch (InstrumentFaultException first) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection may be the thing that failed: one fresh connection, then give up loudly.
            _logger?.LogWarning("{Resource}: safe state failed ({Reason}); reconnecting once", Identity.Resource, first.Message);
            try
            {
                await _session.ReconnectAsync(_logger, cancellationToken).ConfigureAwait(false);
                await _session.ConfigureAllAsync(Profile.SafeState, cancellationToken).ConfigureAwait(false);
            }
            catch (InstrumentFaultException second)
            {
                throw new InstrumentFaultException(Identity.Resource, $"could not switch the outputs off: {first.Message}; after reconnecting: {second.Message}", second);
            }
        }
    }

    public bool SupportsVoltageEvents => Profile.VoltageEvent is not null;

    /// <summary>Whether the profile has a <c>set_voltage_flicker</c> command (rectangular amplitude modulation).</summary>
    public bool SupportsFlicker => Profile.Command("set_voltage_flicker") is not null;

    /// <summary>
    /// Modulates every phase voltage rectangularly at <paramref name="changesPerMinute"/> with ΔU/U =
    /// <paramref name="deltaUPercent"/> (IEC 61000-4-15 Table 5 style); ΔU/U = 0 switches it off. The next
    /// <see cref="ApplyAsync"/> switches it off too.
    /// </summary>
    public async Task SetFlickerAsync(double changesPerMinute, double deltaUPercent, CancellationToken cancellationToken)
    {
        if (!SupportsFlicker)
        {
            throw new BenchInputException(Profile.Path, "the source's profile has no set_voltage_flicker command: it cannot modulate the voltage");
        }

        await _session.ConfigureAsync("set_voltage_flicker", cancellationToken, ("changes_per_minute", changesPerMinute), ("delta_u", deltaUPercent)).ConfigureAwait(false);
        _flickerOn = deltaUPercent > 0;
        if (Profile.UseOperationComplete)
        {
            await _session.Scpi.WaitOperationCompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the event commands can address one phase (a select_phase command or {phase} in a prepare template);
    /// without it a source runs every event on all phases, so single-phase events are refused.
    /// </summary>
    public bool CanAddressEventPhases =>
        Profile.Command("select_phase") is not null || Profile.VoltageEvent?.Prepare.Any(t => t.Placeholders.Contains("phase")) == true;

    public async Task RunVoltageEventAsync(VoltageEvent voltageEvent, CancellationToken cancellationToken)
    {
        var spec = Profile.VoltageEvent ?? throw new BenchInputException(Profile.Path, $"profile '{Profile.Name}' has no 'voltage_event' section: this source cannot run dips or swells");
        if (_applied is not { } steady)
        {
            throw new InvalidOperationException("apply a steady setpoint before running a voltage event");
        }

        foreach (var phase in voltageEvent.Phases)
        {
            if (phase < 1 || phase > steady.Phases.Count)
            {
                throw new BenchInputException(Identity.Resource, $"a voltage event on phase {phase}: the source has phases 1…{steady.Phases.Count}");
            }
        }

        var addressable = CanAddressEventPhases;
        var phaseCount = Math.Min(steady.Phases.Count, Profile.Phases);
        if (!addressable && voltageEvent.Phases.Distinct().Count() < phaseCount)
        {
            throw new BenchInputException(Identity.Resource, $"profile '{Profile.Name}' addresses no phase in its voltage_event commands: it runs events on all phases only");
        }

        // Back to steady mode before re-arming: a list/sequence mode left over from the previous event is cleared.
        if (_eventRan)
        {
            foreach (var t in spec.Restore)
            {
                await _session.Scpi.ConfigureAsync(t.Render(), cancellationToken).ConfigureAwait(false);
            }
        }

        // Every addressable phase is prepared, the unaffected ones at 100 %: a residual armed for an earlier event on
        // another phase must not run again.
        var phases = addressable ? Enumerable.Range(1, phaseCount) : voltageEvent.Phases.Distinct().Take(1);
        foreach (var phase in phases)
        {
            if (Profile.Command("select_phase") is not null)
            {
                await _session.ConfigureAsync("select_phase", cancellationToken, ("phase", phase)).ConfigureAwait(false);
            }

            var nominal = steady.Phases[phase - 1].VoltageV;
            var residual = voltageEvent.Phases.Contains(phase) || !addressable ? voltageEvent.ResidualPercent : 100;
            (string, double)[] values =
            [
                ("phase", phase), ("residual_percent", residual), ("residual_v", nominal * residual / 100),
                ("duration_s", voltageEvent.DurationS), ("duration_ms", voltageEvent.DurationS * 1000),
                ("cycles", Math.Round(voltageEvent.DurationS * steady.FrequencyHz)), ("nominal_v", nominal),
            ];
            foreach (var t in spec.Prepare)
            {
                await _session.Scpi.ConfigureAsync(t.Render(values.ToDictionary(v => v.Item1, v => v.Item2)), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var t in spec.Run)
        {
            await _session.Scpi.ConfigureAsync(t.Render(), cancellationToken).ConfigureAwait(false);
        }

        _eventRan = true;
    }

    /// <summary>
    /// Returns the source to steady output once an event's duration is over (the profile's restore commands): a list
    /// or sequence mode that holds its last step must not keep the residual until the next setting.
    /// </summary>
    public async Task EndVoltageEventAsync(CancellationToken cancellationToken)
    {
        if (!_eventRan || Profile.VoltageEvent is not { } spec)
        {
            return;
        }

        foreach (var t in spec.Restore)
        {
            await _session.Scpi.ConfigureAsync(t.Render(), cancellationToken).ConfigureAwait(false);
        }

        _eventRan = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is { } loop)
        {
            await _keepAliveStop.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
        }

        _keepAliveStop.Dispose();
        await _session.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Keeps the instrument's communication watchdog fed while this driver lives (a crashed controller stops it).</summary>
    internal void StartKeepAlive(CommandTemplate keepAlive, TimeSpan period)
    {
        var command = keepAlive.Render();
        _keepAlive = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period);
            try
            {
                while (await timer.WaitForNextTickAsync(_keepAliveStop.Token).ConfigureAwait(false))
                {
                    try
                    {
                        await _session.Scpi.WriteAsync(command, _keepAliveStop.Token).ConfigureAwait(false);
                    }
                    catch (InstrumentFaultException ex)
                    {
                        _logger?.LogWarning("{Resource}: watchdog keep-alive failed: {Reason}", Identity.Resource, ex.Message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private async Task ApplyHarmonicsAsync(int phase, PhaseSetpoint p, CancellationToken cancellationToken)
    {
        foreach (var clear in new[] { "clear_harmonics", "clear_current_harmonics" })
        {
            if (Profile.Command(clear) is not null)
            {
                await _session.ConfigureAsync(clear, cancellationToken, ("phase", phase)).ConfigureAwait(false);
            }
        }

        foreach (var (name, list, fundamental) in new[] { ("set_voltage_harmonic", p.VoltageHarmonics, p.VoltageV), ("set_current_harmonic", p.CurrentHarmonics, p.CurrentA) })
        {
            foreach (var h in list)
            {
                // Templates take the harmonic in percent of the fundamental or as an amplitude in V or A ({amplitude}).
                await _session.ConfigureAsync(name, cancellationToken, ("phase", phase), ("order", h.Order), ("percent", h.PercentOfFundamental), ("amplitude", h.PercentOfFundamental / 100 * fundamental), ("angle", h.AngleDeg)).ConfigureAwait(false);
            }
        }
    }

    private void Check(ThreePhaseSetpoint setpoint)
    {
        var where = $"{Identity.Resource} ({Profile.Name})";
        if (setpoint.Phases.Count > Profile.Phases)
        {
            throw new BenchInputException(where, $"the setpoint has {setpoint.Phases.Count} phases; the source has {Profile.Phases}");
        }

        if (Profile.FrequencyRange is { } f && !f.Contains(setpoint.FrequencyHz))
        {
            throw new BenchInputException(where, $"{F(setpoint.FrequencyHz)} Hz is outside the source's {F(f.Min)}…{F(f.Max)} Hz");
        }

        foreach (var p in setpoint.Phases)
        {
            if (!Profile.HasCurrentOutput && p.CurrentA != 0)
            {
                throw new BenchInputException(where, $"{Profile.Manufacturer} {Profile.Model} is a voltage source without current outputs; a setpoint with current needs a phantom-load source");
            }

            CheckRange(where, p.VoltageV, "V", Profile.VoltageRanges);
            CheckRange(where, p.CurrentA, "A", Profile.CurrentRanges);
            if ((p.VoltageHarmonics.Count > 0 && Profile.Command("set_voltage_harmonic") is null)
                || (p.CurrentHarmonics.Count > 0 && Profile.Command("set_current_harmonic") is null))
            {
                throw new BenchInputException(where, "the setpoint has harmonics but the profile has no harmonic commands");
            }
        }
    }

    private static void CheckRange(string where, double value, string unit, IReadOnlyList<RangeSpec> ranges)
    {
        if (ranges.Count > 0 && !ranges.Any(r => r.Contains(value)))
        {
            throw new BenchInputException(where, $"{F(value)} {unit} is outside the source's ranges (max {F(ranges.Max(r => r.Max))} {unit})");
        }
    }

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
