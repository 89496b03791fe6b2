using Bench.Core.Quantities;

namespace Bench.Sim.Grid;

/// <summary>
/// Integrates the observed active and reactive power over bench time, piecewise between grid changes:
/// the energy register of a simulated reference standard or meter. Transform lets a meter apply its error model.
/// </summary>
public sealed class EnergyIntegrator : IDisposable
{
    private readonly GridObserver _observer;
    private readonly Func<ThreePhaseMeasurement, ThreePhaseMeasurement> _transform;
    private readonly Lock _gate = new();
    private DateTimeOffset _since;
    private double _activeWh;
    private double _reactiveVarh;
    private double _reactiveReceivedVarh;
    private double _apparentVAh;
    private bool _running;

    public EnergyIntegrator(GridObserver observer, Func<ThreePhaseMeasurement, ThreePhaseMeasurement>? transform = null, bool running = true)
    {
        _observer = observer;
        _transform = transform ?? (m => m);
        _since = observer.Grid.Time.GetUtcNow();
        _running = running;
        observer.Grid.Changing += OnGridChanging;
    }

    /// <summary>Delivered active energy since the last reset, in Wh (only positive power counts, as for a "delivered" register).</summary>
    public double ActiveWh
    {
        get
        {
            lock (_gate)
            {
                AccumulateUntil(_observer.Grid.State, _observer.Grid.Time.GetUtcNow());
                return _activeWh;
            }
        }
    }

    public double ReactiveVarh
    {
        get
        {
            lock (_gate)
            {
                AccumulateUntil(_observer.Grid.State, _observer.Grid.Time.GetUtcNow());
                return _reactiveVarh;
            }
        }
    }

    /// <summary>Reactive energy while Q &lt; 0 (capacitive with power delivered: the "received" register), in varh.</summary>
    public double ReactiveReceivedVarh
    {
        get
        {
            lock (_gate)
            {
                AccumulateUntil(_observer.Grid.State, _observer.Grid.Time.GetUtcNow());
                return _reactiveReceivedVarh;
            }
        }
    }

    /// <summary>
    /// Arithmetic apparent energy since the last reset, in VAh: Σ over phases of Uk·Ik (true rms, harmonics included),
    /// integrated while power is delivered (IEC 61557-12 SA / IEEE 1459 arithmetic apparent power).
    /// </summary>
    public double ApparentVAh
    {
        get
        {
            lock (_gate)
            {
                AccumulateUntil(_observer.Grid.State, _observer.Grid.Time.GetUtcNow());
                return _apparentVAh;
            }
        }
    }

    public void Reset(bool running)
    {
        lock (_gate)
        {
            _activeWh = 0;
            _reactiveVarh = 0;
            _reactiveReceivedVarh = 0;
            _apparentVAh = 0;
            _since = _observer.Grid.Time.GetUtcNow();
            _running = running;
        }
    }

    public void Hold()
    {
        lock (_gate)
        {
            AccumulateUntil(_observer.Grid.State, _observer.Grid.Time.GetUtcNow());
            _running = false;
        }
    }

    public void Dispose() => _observer.Grid.Changing -= OnGridChanging;

    private void OnGridChanging(GridState before, DateTimeOffset at)
    {
        lock (_gate)
        {
            AccumulateUntil(before, at);
        }
    }

    private void AccumulateUntil(GridState state, DateTimeOffset until)
    {
        var hours = (until - _since).TotalHours;
        _since = until;
        if (!_running || hours <= 0 || !state.OutputOn)
        {
            return;
        }

        var m = _transform(_observer.Measure(state));
        _activeWh += Math.Max(0, m.TotalActivePowerW) * hours;
        _reactiveVarh += Math.Max(0, m.TotalReactivePowerVar) * hours;
        _reactiveReceivedVarh += Math.Max(0, -m.TotalReactivePowerVar) * hours;
        _apparentVAh += m.TotalActivePowerW >= 0 ? Math.Max(0, m.TotalApparentPowerVA) * hours : 0;
    }
}
