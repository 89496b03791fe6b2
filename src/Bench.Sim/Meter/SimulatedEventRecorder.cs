using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Sim.Grid;

namespace Bench.Sim.Meter;

/// <summary>
/// The simulated meter's PQ event detection, at the granularity of the virtual bench: the grid is steady between
/// changes, so an event starts and ends at grid changes (on the grid's clock). Thresholds of standards/power-quality.md
/// §4 in % of the declared voltage: dip below 90, interruption when all phases are below 5, swell above 110, each
/// ending after a 2 % hysteresis; a polyphase dip starts with the first phase and ends when all have recovered.
/// </summary>
public sealed class SimulatedEventRecorder : IDisposable
{
    private const double DipThreshold = 90;
    private const double SwellThreshold = 110;
    private const double InterruptionThreshold = 5;
    private const double Hysteresis = 2;

    private readonly GridObserver _observer;
    private readonly double _declaredV;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly List<PqEvent> _events = [];
    private readonly Action<PqEvent, ThreePhaseSetpoint, ThreePhaseSetpoint, ThreePhaseSetpoint>? _closed;
    private Excursion? _dip;
    private Excursion? _swell;
    private ThreePhaseSetpoint _lastOutput;

    /// <param name="closed">Called with each event as it ends, and what the terminals carried before, during (at its start) and after it.</param>
    public SimulatedEventRecorder(GridObserver observer, double declaredVoltageV, int capacity, Action<PqEvent, ThreePhaseSetpoint, ThreePhaseSetpoint, ThreePhaseSetpoint>? closed = null)
    {
        _observer = observer;
        _declaredV = declaredVoltageV;
        _capacity = capacity;
        _closed = closed;
        _lastOutput = observer.Grid.State.Output;
        observer.Grid.Changing += OnChanging;
        Evaluate(observer.Grid.State, observer.Grid.Time.GetUtcNow());
    }

    /// <summary>Defects applied to each event as it is logged (the COMTRADE record still shows the true waveform).</summary>
    public SimulatedEventFaults Faults { get; init; } = SimulatedEventFaults.None;

    /// <summary>Closed events, oldest first (at most the log's capacity; the oldest are dropped).</summary>
    public IReadOnlyList<PqEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Dispose() => _observer.Grid.Changing -= OnChanging;

    private void OnChanging(GridState before, DateTimeOffset at) => Evaluate(_observer.Grid.State, at);

    private void Evaluate(GridState state, DateTimeOffset at)
    {
        var percent = _observer.Measure(state).Phases.Select(p => 100 * p.VoltageRmsV / _declaredV).ToArray();
        var below = Mask(percent, v => v < DipThreshold);
        var above = Mask(percent, v => v > SwellThreshold);
        var all = (1 << percent.Length) - 1;
        var output = state.Output;
        var closed = new List<(PqEvent Event, Excursion Excursion)>();
        lock (_gate)
        {
            if (_dip is null && below != 0)
            {
                _dip = new Excursion(at, percent.Min(), below, below == all && percent.Max() < InterruptionThreshold) { Before = _lastOutput, During = output };
            }
            else if (_dip is { } dip)
            {
                dip.Extreme = Math.Min(dip.Extreme, percent.Min());
                dip.Phases |= below;
                dip.Interruption |= percent.Max() < InterruptionThreshold;
                if (percent.All(v => v >= DipThreshold + Hysteresis))
                {
                    closed.Add((Record(new PqEvent(dip.Interruption ? PqEventKind.Interruption : PqEventKind.Dip, dip.Phases, dip.Start, at - dip.Start, dip.Extreme)), dip));
                    _dip = null;
                }
            }

            if (_swell is null && above != 0)
            {
                _swell = new Excursion(at, percent.Max(), above, false) { Before = _lastOutput, During = output };
            }
            else if (_swell is { } swell)
            {
                swell.Extreme = Math.Max(swell.Extreme, percent.Max());
                swell.Phases |= above;
                if (percent.All(v => v <= SwellThreshold - Hysteresis))
                {
                    closed.Add((Record(new PqEvent(PqEventKind.Swell, swell.Phases, swell.Start, at - swell.Start, swell.Extreme)), swell));
                    _swell = null;
                }
            }

            _lastOutput = output;
        }

        foreach (var (e, excursion) in closed)
        {
            _closed?.Invoke(e, excursion.Before!, excursion.During!, output);
        }
    }

    private PqEvent Record(PqEvent e)
    {
        if (e.Duration.TotalSeconds < Faults.MinimumDetectedDurationS)
        {
            return e;
        }

        var duration = e.Duration + TimeSpan.FromSeconds(Faults.DurationBiasS);
        _events.Add(e with
        {
            Start = e.Start + TimeSpan.FromSeconds(Faults.ClockOffsetS),
            Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration,
            ExtremePercentOfDeclared = e.ExtremePercentOfDeclared + Faults.ExtremeBiasPercent,
        });
        if (_events.Count > _capacity)
        {
            _events.RemoveAt(0);
        }

        return e;
    }

    private static int Mask(double[] percent, Func<double, bool> test)
    {
        var mask = 0;
        for (var k = 0; k < percent.Length; k++)
        {
            mask |= test(percent[k]) ? 1 << k : 0;
        }

        return mask;
    }

    private sealed class Excursion(DateTimeOffset start, double extreme, int phases, bool interruption)
    {
        public DateTimeOffset Start { get; } = start;

        public double Extreme { get; set; } = extreme;

        public int Phases { get; set; } = phases;

        public bool Interruption { get; set; } = interruption;

        public ThreePhaseSetpoint? Before { get; init; }

        public ThreePhaseSetpoint? During { get; init; }
    }
}
