using Bench.Core.Quantities;
using Bench.Dsp.Power;
using Bench.Waveforms.Synthesis;

namespace Bench.Sim.Grid;

/// <summary>
/// How a simulated instrument sees the grid: it synthesises the waveforms on the terminals and measures them with the
/// reference meter (Bench.Dsp). The result is cached per grid state, since the grid is steady between changes.
/// </summary>
public sealed class GridObserver
{
    private readonly SimulatedGrid _grid;
    private readonly double _samplesPerCycle;
    private readonly int _windows;
    private readonly double _startPhaseS;
    private readonly Lock _gate = new();
    private (long Version, ThreePhaseMeasurement Value)? _cache;

    /// <param name="samplesPerCycle">Sampling rate in samples per nominal cycle; non-integer keeps sampling non-coherent, as a real instrument's would be.</param>
    /// <param name="windows">Number of 10/12-cycle windows measured per observation.</param>
    /// <param name="startPhaseS">Where on the source's time axis this instrument starts sampling.</param>
    public GridObserver(SimulatedGrid grid, double samplesPerCycle = 256.3, int windows = 1, double startPhaseS = 0.00123)
    {
        _grid = grid;
        _samplesPerCycle = samplesPerCycle;
        _windows = windows;
        _startPhaseS = startPhaseS;
    }

    public SimulatedGrid Grid => _grid;

    public ThreePhaseMeasurement Measure() => Measure(_grid.State);

    public ThreePhaseMeasurement Measure(GridState state)
    {
        lock (_gate)
        {
            if (_cache is { } c && c.Version == state.Version)
            {
                return c.Value;
            }
        }

        var output = state.Output;
        var nominal = output.FrequencyHz;
        var rate = _samplesPerCycle * nominal;
        var cycles = (nominal >= 55 ? 12 : 10) * _windows;

        // A few extra samples so that frequency drift off nominal still leaves whole windows.
        var count = (int)Math.Ceiling(rate / nominal * (cycles + 0.5));
        var record = ThreePhaseSynthesizer.Synthesize(output, rate, count, _startPhaseS);
        var voltages = record.Voltages.Select(c => c.Samples).ToArray();
        var currents = record.Currents.Select(c => c.Samples).ToArray();
        var measured = WindowAnalyzer.Measure(voltages, currents, rate, nominal);
        if (double.IsNaN(measured.FrequencyHz))
        {
            measured = measured with { FrequencyHz = state.OutputOn ? nominal : 0 };
        }

        lock (_gate)
        {
            _cache = (state.Version, measured);
        }

        return measured;
    }
}
