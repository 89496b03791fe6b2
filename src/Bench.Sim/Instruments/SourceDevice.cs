using System.Text.RegularExpressions;

using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments.Scpi;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Instruments;

/// <summary>
/// The behaviour of a simulated three-phase source: the profile's set/query commands change a programmed setpoint, which
/// reaches the grid while the output is on. The connection that last configured it controls it; when that connection
/// drops with the output on, the output goes off (as a real source's "off on communication loss" does).
/// </summary>
internal sealed class SourceDevice : ScpiDevice
{
    private readonly SimulatedGrid _grid;
    private readonly bool _offOnDisconnect;
    private readonly PhaseSetpoint[] _phases;
    private readonly Regex[] _safeState;
    private double _frequencyHz;
    private bool _on;
    private SimulatedConnection? _controller;
    // Armed residuals persist per phase until event_restore, as a real source's list steps do: a driver that re-arms
    // only the phases of the next event would see the others dip again.
    private readonly double?[] _eventResidual = new double?[3];
    private bool _armed;
    private bool _eventActive;
    private double _eventDurationS = 0.1;
    private int _selected;
    private ITimer? _eventTimer;
    private ITimer? _watchdog;
    private double _watchdogS;
    private long _seenVersion = -1;

    public SourceDevice(SimulatedGrid grid, InstrumentProfile profile, SimulatedInstrumentOptions options)
        : base(profile, options.Serial, options.Faults)
    {
        _grid = grid;
        _offOnDisconnect = options.OutputOffOnDisconnect;
        var initial = ThreePhaseSetpoint.Off(grid.State.Setpoint.FrequencyHz);
        _phases = [.. initial.Phases];
        _frequencyHz = initial.FrequencyHz;
        _safeState = [.. profile.SafeState.Select(c => new CommandTemplate(c).BuildMatcher())];
    }

    public override void OnDisconnected(SimulatedConnection connection)
    {
        lock (Gate)
        {
            if (_offOnDisconnect && ReferenceEquals(connection, _controller))
            {
                SwitchOff();
            }

            if (ReferenceEquals(connection, _controller))
            {
                _controller = null;
            }
        }
    }

    protected override void Reset()
    {
        SwitchOff();
        if (_grid.State.Flicker is not null)
        {
            _grid.Modulate(null);
        }
    }

    protected override void AfterCommand() => _seenVersion = _grid.State.Version;

    protected override void OnCommand(SimulatedConnection connection)
    {
        // Someone programmed the grid directly (bench sim --energize, a test): adopt it as this source's state.
        var state = _grid.State;
        if (state.Version != _seenVersion)
        {
            for (var k = 0; k < Math.Min(_phases.Length, state.Setpoint.Phases.Count); k++)
            {
                _phases[k] = state.Setpoint.Phases[k];
            }

            _frequencyHz = state.Setpoint.FrequencyHz;
            _on = state.OutputOn;
            _seenVersion = state.Version;
        }

        if (_watchdogS > 0 && (_controller is null || ReferenceEquals(connection, _controller)))
        {
            ArmWatchdog();
        }
    }

    /// <summary>The communication watchdog runs on wall-clock time: it guards the link, not the simulated grid.</summary>
    private void ArmWatchdog()
    {
        if (_watchdogS <= 0)
        {
            _watchdog?.Dispose();
            _watchdog = null;
            return;
        }

        var period = TimeSpan.FromSeconds(_watchdogS);
        if (_watchdog is null)
        {
            _watchdog = TimeProvider.System.CreateTimer(_ => WatchdogExpired(), null, period, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _watchdog.Change(period, Timeout.InfiniteTimeSpan);
        }
    }

    private void WatchdogExpired()
    {
        lock (Gate)
        {
            SwitchOff();
        }
    }

    protected override string? Handle(string name, Match match, SimulatedConnection connection)
    {
        var phase = match.Groups["phase"].Success ? PhaseIndex(match) : _selected;
        switch (name)
        {
            case "watchdog_enable":
                _watchdogS = match.Groups["timeout_s"].Success ? Number(match, "timeout_s") : Profile.Watchdog!.TimeoutS;
                ArmWatchdog();
                return null;
            case "watchdog_disable":
                _watchdogS = 0;
                ArmWatchdog();
                return null;
            case "watchdog_keepalive":
                return null;
            case "select_phase":
                _selected = phase;
                return null;
            case "event_prepare":
                _eventResidual[phase] = match.Groups["residual_percent"].Success ? Number(match, "residual_percent") / 100
                    : match.Groups["residual_v"].Success ? Number(match, "residual_v") / Math.Max(1e-9, _phases[phase].VoltageV)
                    : _eventResidual[phase];
                _eventDurationS = match.Groups["duration_s"].Success ? Number(match, "duration_s")
                    : match.Groups["duration_ms"].Success ? Number(match, "duration_ms") / 1000
                    : match.Groups["cycles"].Success ? Number(match, "cycles") / _frequencyHz
                    : _eventDurationS;
                _armed = true;
                return null;
            case "event_run":
                RunEvent();
                return null;
            case "event_restore":
                Array.Clear(_eventResidual);
                _armed = false;
                if (_eventActive)
                {
                    // Back to fixed output before the event's time is up: the event ends now.
                    _eventTimer?.Dispose();
                    _eventTimer = null;
                    _eventActive = false;
                    if (_on)
                    {
                        _grid.Program(Setpoint);
                    }
                }

                return null;
            case "set_frequency":
                _frequencyHz = InRange(Number(match, "frequency"), Profile.FrequencyRange);
                break;
            case "set_voltage":
                _phases[phase] = _phases[phase] with { VoltageV = InRanges(Number(match, "voltage"), Profile.VoltageRanges), VoltageAngleDeg = Angle(match, _phases[phase].VoltageAngleDeg) };
                break;
            case "set_current":
                _phases[phase] = _phases[phase] with { CurrentA = InRanges(Number(match, "current"), Profile.CurrentRanges), CurrentAngleDeg = Angle(match, _phases[phase].CurrentAngleDeg) };
                break;
            case "set_voltage_angle":
                _phases[phase] = _phases[phase] with { VoltageAngleDeg = Number(match, "angle") };
                break;
            case "set_current_angle":
                _phases[phase] = _phases[phase] with { CurrentAngleDeg = Number(match, "angle") };
                break;
            case "set_voltage_harmonic" when match.Groups["amplitude"].Success:
                _phases[phase] = _phases[phase] with { VoltageHarmonics = WithHarmonic(_phases[phase].VoltageHarmonics, match, 100 / Math.Max(1e-9, _phases[phase].VoltageV)) };
                break;
            case "set_current_harmonic" when match.Groups["amplitude"].Success:
                _phases[phase] = _phases[phase] with { CurrentHarmonics = WithHarmonic(_phases[phase].CurrentHarmonics, match, 100 / Math.Max(1e-9, _phases[phase].CurrentA)) };
                break;
            case "set_voltage_harmonic":
                _phases[phase] = _phases[phase] with { VoltageHarmonics = WithHarmonic(_phases[phase].VoltageHarmonics, match) };
                break;
            case "set_current_harmonic":
                _phases[phase] = _phases[phase] with { CurrentHarmonics = WithHarmonic(_phases[phase].CurrentHarmonics, match) };
                break;
            case "clear_harmonics":
                _phases[phase] = _phases[phase] with { VoltageHarmonics = [], CurrentHarmonics = [] };
                break;
            case "set_voltage_flicker":
                // Rectangular modulation of every phase voltage; ΔU/U = 0 switches it off.
                var deltaU = Number(match, "delta_u");
                _grid.Modulate(deltaU > 0 ? FlickerModulation.RectangularPerMinute(Number(match, "changes_per_minute"), deltaU) : null);
                _controller = connection;
                return null;
            case "output_on":
                _controller = connection;
                _grid.Program(Setpoint);
                if (!_on)
                {
                    _on = true;
                    _grid.SwitchOutput(true);
                }

                return null;
            case "output_off":
                SwitchOff();
                return null;
            case "literal":
                if (_safeState.Any(r => r.IsMatch(match.Value)))
                {
                    SwitchOff();
                }

                return null;
            case "query_voltage":
                return WithAngle("set_voltage", _phases[phase].VoltageV, _phases[phase].VoltageAngleDeg);
            case "query_current":
                return WithAngle("set_current", _phases[phase].CurrentA, _phases[phase].CurrentAngleDeg);
            case "query_frequency":
                return Format(_frequencyHz);
            case "query_output":
                return _on ? "1" : "0";
            default:
                return name.StartsWith("query", StringComparison.Ordinal) ? "0" : null;
        }

        _controller = connection;
        if (_on)
        {
            _grid.Program(Setpoint);
        }

        return null;
    }

    private ThreePhaseSetpoint Setpoint => new([.. _phases], _frequencyHz);

    private void SwitchOff()
    {
        _eventTimer?.Dispose();
        _eventTimer = null;
        _eventActive = false;
        if (_on)
        {
            _on = false;
            _grid.SwitchOutput(false);
        }
    }

    private int PhaseIndex(Match match)
    {
        var p = (int)Number(match, "phase");
        if (p < 1 || p > _phases.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(match), p, "no such phase");
        }

        return p - 1;
    }

    private static double Angle(Match match, double current) => match.Groups["angle"].Success ? Number(match, "angle") : current;

    private string WithAngle(string setter, double value, double angle) =>
        Profile.Command(setter)?.Placeholders.Contains("angle") == true ? $"{Format(value)},{Format(angle)}" : Format(value);

    /// <summary>A dip/swell: the armed residual on the armed phases now, the steady setpoint back after the duration (bench time).</summary>
    private void RunEvent()
    {
        if (!_on || !_armed || _eventResidual.All(r => r is null))
        {
            return; // nothing prepared since the last run (a second trigger command of the same event)
        }

        _armed = false;

        var steady = Setpoint;
        var dipped = steady.Phases.Select((p, k) => _eventResidual[k] is { } r ? p with { VoltageV = p.VoltageV * r } : p).ToArray();
        _grid.Program(steady with { Phases = dipped });
        _eventActive = true;
        _eventTimer?.Dispose();
        _eventTimer = _grid.Time.CreateTimer(_ => Restore(), null, TimeSpan.FromSeconds(_eventDurationS), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The programmed setting, which is the steady one unless a command changed it during the event.</summary>
    private void Restore()
    {
        lock (Gate)
        {
            _eventActive = false;
            if (_on)
            {
                _grid.Program(Setpoint);
            }
        }
    }

    private static IReadOnlyList<HarmonicComponent> WithHarmonic(IReadOnlyList<HarmonicComponent> list, Match match, double amplitudeToPercent = 1)
    {
        var order = Number(match, "order");
        var percent = match.Groups["amplitude"].Success ? Number(match, "amplitude") * amplitudeToPercent : Number(match, "percent");
        if (order < 0 || order > 100 || percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(match), order, "harmonic out of range");
        }

        var rest = list.Where(h => h.Order != order);
        return percent == 0 ? [.. rest] : [.. rest, new HarmonicComponent(order, percent, Angle(match, 0))];
    }

    private static double InRange(double value, RangeSpec? range) =>
        range is null || range.Contains(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "out of range");

    private static double InRanges(double value, IReadOnlyList<RangeSpec> ranges) =>
        ranges.Count == 0 || ranges.Any(r => r.Contains(value)) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "out of range");
}
