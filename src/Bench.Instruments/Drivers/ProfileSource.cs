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
public sealed class ProfileSource : IThreePhaseSource
{
    private readonly ProfileSession _session;
    private readonly ILogger? _logger;

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

            await _session.ConfigureAsync("set_current", cancellationToken, ("phase", phase), ("current", p.CurrentA), ("angle", p.CurrentAngleDeg)).ConfigureAwait(false);
            if (Profile.Command("set_current_angle") is not null)
            {
                await _session.ConfigureAsync("set_current_angle", cancellationToken, ("phase", phase), ("angle", p.CurrentAngleDeg)).ConfigureAwait(false);
            }

            await ApplyHarmonicsAsync(phase, p, cancellationToken).ConfigureAwait(false);
        }

        await _session.ConfigureAsync("output_on", cancellationToken).ConfigureAwait(false);
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

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    private async Task ApplyHarmonicsAsync(int phase, PhaseSetpoint p, CancellationToken cancellationToken)
    {
        if (Profile.Command("clear_harmonics") is not null)
        {
            await _session.ConfigureAsync("clear_harmonics", cancellationToken, ("phase", phase)).ConfigureAwait(false);
        }

        foreach (var (name, list) in new[] { ("set_voltage_harmonic", p.VoltageHarmonics), ("set_current_harmonic", p.CurrentHarmonics) })
        {
            foreach (var h in list)
            {
                await _session.ConfigureAsync(name, cancellationToken, ("phase", phase), ("order", h.Order), ("percent", h.PercentOfFundamental), ("angle", h.AngleDeg)).ConfigureAwait(false);
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
