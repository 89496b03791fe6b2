using Bench.Core.Quantities;

namespace Bench.Dut.Meter;

/// <summary>
/// The third error method: the meter's instantaneous values polled during the reference's integration window and
/// averaged over the same window. Pure accumulator: the executor decides when to poll (on the bench clock) and adds
/// each snapshot taken inside the window; the mean is per phase and per quantity, PF recomputed as P/S of the means.
/// </summary>
public sealed class InstantaneousAverage
{
    private readonly List<ThreePhaseMeasurement> _samples = [];

    public InstantaneousAverage(DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        if (windowEnd <= windowStart)
        {
            throw new ArgumentException("the window must end after it starts", nameof(windowEnd));
        }

        WindowStart = windowStart;
        WindowEnd = windowEnd;
    }

    public DateTimeOffset WindowStart { get; }

    public DateTimeOffset WindowEnd { get; }

    public int Count => _samples.Count;

    /// <summary>Adds a snapshot taken inside the window; returns false (and ignores it) outside or without instantaneous values.</summary>
    public bool Add(MeterSnapshot snapshot)
    {
        if (snapshot.Instantaneous is null || snapshot.Time < WindowStart || snapshot.Time > WindowEnd)
        {
            return false;
        }

        if (_samples.Count > 0 && _samples[0].Phases.Count != snapshot.Instantaneous.Phases.Count)
        {
            throw new ArgumentException("snapshots with different numbers of phases", nameof(snapshot));
        }

        _samples.Add(snapshot.Instantaneous);
        return true;
    }

    /// <summary>The mean of the snapshots added; throws when none was.</summary>
    public ThreePhaseMeasurement Mean()
    {
        if (_samples.Count == 0)
        {
            throw new InvalidOperationException("no meter readings fell inside the averaging window");
        }

        var phases = new PhaseMeasurement[_samples[0].Phases.Count];
        for (var k = 0; k < phases.Length; k++)
        {
            var u = _samples.Average(s => s.Phases[k].VoltageRmsV);
            var i = _samples.Average(s => s.Phases[k].CurrentRmsA);
            var p = _samples.Average(s => s.Phases[k].ActivePowerW);
            var q = _samples.Average(s => s.Phases[k].ReactivePowerVar);
            var sVa = _samples.Average(s => s.Phases[k].ApparentPowerVA);
            phases[k] = new PhaseMeasurement(u, i, p, q, sVa, sVa == 0 ? 0 : p / sVa);
        }

        return new ThreePhaseMeasurement(phases, _samples.Average(s => s.FrequencyHz));
    }
}
