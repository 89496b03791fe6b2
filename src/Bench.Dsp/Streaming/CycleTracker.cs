using Bench.Dsp.Power;

namespace Bench.Dsp.Streaming;

/// <summary>
/// Finds the zero crossings of the reference voltage sample by sample: hysteresis against noise (10 % of a decaying
/// peak), cubic interpolation of the crossing instant, a flywheel that inserts synthetic boundaries when the voltage
/// is lost (interruptions, deep dips) and a start-up boundary when a record begins without voltage.
/// </summary>
public sealed class CycleTracker
{
    private readonly double _nominalPeriod;
    private readonly double _decay;
    private readonly double[] _x = new double[4];
    private long _n = -1;
    private double _peak;
    private bool _armRise;
    private bool _armFall;
    private double _lastBoundary = double.NaN;
    private bool _lastRising;
    private double _lastRealRising = double.NaN;

    public CycleTracker(double samplesPerNominalCycle)
    {
        _nominalPeriod = samplesPerNominalCycle;
        Period = samplesPerNominalCycle;
        _decay = Math.Exp(-Math.Log(2) / (2 * samplesPerNominalCycle));
    }

    /// <summary>Last measured period in samples (nominal until measured).</summary>
    public double Period { get; private set; }

    /// <summary>Pushes sample n; writes the boundaries it completes (at most two) and returns how many.</summary>
    public int Push(double x, Span<CycleBoundary> found)
    {
        _n++;
        _x[0] = _x[1];
        _x[1] = _x[2];
        _x[2] = _x[3];
        _x[3] = x;
        _peak = Math.Max(Math.Abs(x), _peak * _decay);
        var count = 0;
        if (_n < 3)
        {
            return 0;
        }

        // Segment [n−2, n−1] with nodes n−3 … n.
        var hysteresis = 0.1 * _peak;
        double a = _x[1], b = _x[2];
        if (_x[0] < -hysteresis || a < -hysteresis)
        {
            _armRise = true;
        }

        if (_x[0] > hysteresis || a > hysteresis)
        {
            _armFall = true;
        }

        var segmentStart = _n - 2;
        if (!double.IsNaN(_lastBoundary) && segmentStart - _lastBoundary > 0.75 * Period)
        {
            count = Emit(new CycleBoundary(_lastBoundary + (0.5 * Period), !_lastRising, true), found, count);
        }
        else if (double.IsNaN(_lastBoundary) && _n > 2 * _nominalPeriod)
        {
            count = Emit(new CycleBoundary(segmentStart, true, true), found, count);
        }

        if (_armRise && a < 0 && b >= 0)
        {
            _armRise = false;
            count = Real(segmentStart + LocateRoot(), true, found, count);
        }
        else if (_armFall && a > 0 && b <= 0)
        {
            _armFall = false;
            count = Real(segmentStart + LocateRoot(), false, found, count);
        }

        return count;
    }

    private int Real(double position, bool rising, Span<CycleBoundary> found, int count)
    {
        if (!double.IsNaN(_lastBoundary) && position - _lastBoundary < 0.25 * Period)
        {
            return count;
        }

        if (rising)
        {
            var period = position - _lastRealRising;
            if (period > 0.7 * _nominalPeriod && period < 1.4 * _nominalPeriod)
            {
                Period = period;
            }

            _lastRealRising = position;
        }

        return Emit(new CycleBoundary(position, rising, false), found, count);
    }

    private int Emit(CycleBoundary boundary, Span<CycleBoundary> found, int count)
    {
        _lastBoundary = boundary.Position;
        _lastRising = boundary.Rising;
        found[count] = boundary;
        return count + 1;
    }

    private double LocateRoot()
    {
        // Frequency.Locate expects the root between indices n−1 and n of a span holding n−2 … n+1.
        return Frequency.Locate(_x, 2) - 1;
    }
}
