using Bench.Core.Quantities;
using Bench.Dut.Events;
using Bench.Sim.Grid;

namespace Bench.Sim.Meter;

/// <summary>
/// The simulated meter's PQ event log. Excursions are found at the virtual bench's granularity (the grid is steady
/// between changes), then what the meter logs comes from its Class A detection on the synthesised waveform around
/// each excursion (<see cref="HalfCycleRmsDetection"/>: Urms(1/2), so starts, durations and residuals carry the
/// method's granularity). Thresholds of standards/power-quality.md §4 in % of the declared voltage: dip below 90,
/// interruption when all phases are below 5, swell above 110, each ending after a 2 % hysteresis; a polyphase dip
/// starts with the first phase and ends when all have recovered.
/// </summary>
public sealed class SimulatedEventRecorder : IDisposable
{
    private const double DipThreshold = 90;
    private const double SwellThreshold = 110;
    private const double InterruptionThreshold = 5;
    private const double Hysteresis = 2;

    /// <summary>Longer excursions (an output left off for hours) are not synthesised sample by sample.</summary>
    private static readonly TimeSpan LongestSynthesised = TimeSpan.FromSeconds(20);

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
                    var e = new PqEvent(dip.Interruption ? PqEventKind.Interruption : PqEventKind.Dip, dip.Phases, dip.Start, at - dip.Start, dip.Extreme);
                    Log(e, dip, at, output, swells: false);
                    closed.Add((e, dip));
                    _dip = null;
                }
                else
                {
                    dip.Pieces.Add((at, output));
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
                    var e = new PqEvent(PqEventKind.Swell, swell.Phases, swell.Start, at - swell.Start, swell.Extreme);
                    Log(e, swell, at, output, swells: true);
                    closed.Add((e, swell));
                    _swell = null;
                }
                else
                {
                    swell.Pieces.Add((at, output));
                }
            }

            _lastOutput = output;
        }

        foreach (var (e, excursion) in closed)
        {
            _closed?.Invoke(e, excursion.Before!, excursion.During!, output);
        }
    }

    /// <summary>
    /// Logs what the meter's Urms(1/2) detection finds around the excursion (none when it is too short to cross the
    /// thresholds); an excursion longer than <see cref="LongestSynthesised"/> is logged at the grid's granularity.
    /// </summary>
    private void Log(PqEvent steady, Excursion excursion, DateTimeOffset end, ThreePhaseSetpoint after, bool swells)
    {
        if (end - excursion.Start > LongestSynthesised || excursion.Before is not { } before || before.Phases.Count == 0 || before.FrequencyHz <= 0)
        {
            Record(steady);
            return;
        }

        var cycle = TimeSpan.FromSeconds(1 / before.FrequencyHz);
        List<(DateTimeOffset, ThreePhaseSetpoint)> pieces = [(excursion.Start - (3 * cycle), before), (excursion.Start, excursion.During!), .. excursion.Pieces, (end, after)];
        foreach (var e in HalfCycleRmsDetection.Detect(pieces, end + (4 * cycle), _declaredV, swells))
        {
            Record(e);
        }
    }

    private PqEvent Record(PqEvent e)
    {
        if (e.Duration.TotalSeconds < Faults.MinimumDetectedDurationS)
        {
            return e;
        }

        // Logged to the millisecond, as the log's DATETIME (truncated) and duration in ms (rounded) hold them.
        var duration = TimeSpan.FromMilliseconds(Math.Max(0, Math.Round((e.Duration + TimeSpan.FromSeconds(Faults.DurationBiasS)).TotalMilliseconds)));
        var start = e.Start + TimeSpan.FromSeconds(Faults.ClockOffsetS);
        _events.Add(e with
        {
            Start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMillisecond)),
            Duration = duration,
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

        /// <summary>Later changes of the terminals while the excursion lasts.</summary>
        public List<(DateTimeOffset From, ThreePhaseSetpoint Output)> Pieces { get; } = [];
    }
}
