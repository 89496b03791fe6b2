using Bench.Core.Quantities;

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

    public SimulatedGrid(TimeProvider time, double nominalFrequencyHz = 50)
    {
        Time = time;
        _setpoint = ThreePhaseSetpoint.Off(nominalFrequencyHz);
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
                return new GridState(_setpoint, _outputOn, _version);
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

    private void Change(ThreePhaseSetpoint? setpoint, bool? on)
    {
        GridState before;
        lock (_gate)
        {
            before = new GridState(_setpoint, _outputOn, _version);
            _setpoint = setpoint ?? _setpoint;
            _outputOn = on ?? _outputOn;
            _version++;
        }

        Changing?.Invoke(before, Time.GetUtcNow());
    }
}
