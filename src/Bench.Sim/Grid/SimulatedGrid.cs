using Bench.Core.Quantities;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Grid;

/// <summary>
/// The one "grid" of a virtual bench: what the simulated source was last told to put out, and whether its output is on.
/// The simulated reference and meter observe it; they never read the setpoint directly as a measurement.
/// </summary>
public sealed class SimulatedGrid
{
    private readonly Lock _gate = new();
    private ThreePhaseSetpoint _setpoint;
    private bool _outputOn;
    private long _version;
    private FlickerModulation? _flicker;
    private DateTimeOffset _since;

    public SimulatedGrid(TimeProvider time, double nominalFrequencyHz = 50)
    {
        Time = time;
        _setpoint = ThreePhaseSetpoint.Off(nominalFrequencyHz);
        _since = time.GetUtcNow();
    }

    /// <summary>Bench time; on the virtual bench a fake clock, so a 60-second gate takes milliseconds.</summary>
    public TimeProvider Time { get; }

    /// <summary>Raised after every change, with the state that was in force until now and when it ended.</summary>
    public event Action<GridState, DateTimeOffset>? Changing;

    public GridState State
    {
        get
        {
            lock (_gate)
            {
                return Snapshot();
            }
        }
    }

    /// <summary>What appears on the terminals: the setpoint while the output is on, nothing otherwise.</summary>
    public ThreePhaseSetpoint Output
    {
        get
        {
            var s = State;
            return s.OutputOn ? s.Setpoint : ThreePhaseSetpoint.Off(s.Setpoint.FrequencyHz);
        }
    }

    public void Program(ThreePhaseSetpoint setpoint) => Change(setpoint, null);

    public void SwitchOutput(bool on) => Change(null, on);

    /// <summary>Puts an amplitude modulation on every phase voltage (a flicker test signal), or removes it (null).</summary>
    public void Modulate(FlickerModulation? flicker)
    {
        GridState before;
        lock (_gate)
        {
            before = Snapshot();
            _flicker = flicker;
            _since = Time.GetUtcNow();
            _version++;
        }

        Changing?.Invoke(before, Time.GetUtcNow());
    }

    private GridState Snapshot() => new(_setpoint, _outputOn, _version) { Flicker = _flicker, Since = _since };

    private void Change(ThreePhaseSetpoint? setpoint, bool? on)
    {
        GridState before;
        lock (_gate)
        {
            before = Snapshot();
            _setpoint = setpoint ?? _setpoint;
            _outputOn = on ?? _outputOn;
            _since = Time.GetUtcNow();
            _version++;
        }

        Changing?.Invoke(before, Time.GetUtcNow());
    }
}
