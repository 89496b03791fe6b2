using System.Text.RegularExpressions;

using Bench.Core.Quantities;
using Bench.Instruments.Profiles;
using Bench.Sim.Grid;
using Bench.Sim.Instruments.Scpi;

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

    protected override void Reset() => SwitchOff();

    protected override string? Handle(string name, Match match, SimulatedConnection connection)
    {
        var phase = match.Groups["phase"].Success ? PhaseIndex(match) : -1;
        switch (name)
        {
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
            case "set_voltage_harmonic":
                _phases[phase] = _phases[phase] with { VoltageHarmonics = WithHarmonic(_phases[phase].VoltageHarmonics, match) };
                break;
            case "set_current_harmonic":
                _phases[phase] = _phases[phase] with { CurrentHarmonics = WithHarmonic(_phases[phase].CurrentHarmonics, match) };
                break;
            case "clear_harmonics":
                _phases[phase] = _phases[phase] with { VoltageHarmonics = [], CurrentHarmonics = [] };
                break;
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
                return $"{Format(_phases[phase].VoltageV)},{Format(_phases[phase].VoltageAngleDeg)}";
            case "query_current":
                return $"{Format(_phases[phase].CurrentA)},{Format(_phases[phase].CurrentAngleDeg)}";
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

    private static IReadOnlyList<HarmonicComponent> WithHarmonic(IReadOnlyList<HarmonicComponent> list, Match match)
    {
        var order = Number(match, "order");
        var percent = Number(match, "percent");
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
