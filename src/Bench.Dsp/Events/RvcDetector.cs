using System.Runtime.CompilerServices;

namespace Bench.Dsp.Events;

/// <summary>
/// Rapid voltage changes on one channel (IEC 61000-4-30 §5.11). Steady state: the last N = 100/120 Urms(1/2) values
/// all lie within the threshold of their mean. From steady state, a value further than the threshold from the mean of
/// the preceding N values starts an RVC; it ends when N values are steady again within threshold − hysteresis
/// (hysteresis = half the threshold); its end time is the first value of that new steady window. ΔUmax is the largest
/// deviation from the pre-event mean, ΔUss the change of the steady mean. A dip or swell during the RVC cancels it.
/// Constant memory: one ring of N values.
/// </summary>
public sealed class RvcDetector
{
    private readonly int _phase;
    private readonly double _udin;
    private readonly double _threshold;
    private readonly double _hysteresis;
    private readonly double[] _ring;
    private readonly double[] _times;
    private readonly Action<PqEvent> _sink;
    private int _count;
    private int _head;
    private double _sum;
    private bool _inEvent;
    private double _startS;
    private double _preMean;
    private double _maxDelta;

    public RvcDetector(int phase, double udinV, double thresholdPercent, int window, Action<PqEvent> sink)
    {
        _phase = phase;
        _udin = udinV;
        _threshold = thresholdPercent * udinV / 100;
        _hysteresis = _threshold / 2;
        _ring = new double[window];
        _times = new double[window];
        _sink = sink;
    }

    /// <summary>An RVC is in progress on this channel (begun, not yet steady again).</summary>
    public bool InEvent => _inEvent;

    /// <summary>Next Urms(1/2) value; <paramref name="dipOrSwell"/> true while a dip, swell or interruption is in progress.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(double timeS, double urms, bool dipOrSwell)
    {
        if (dipOrSwell)
        {
            // A transition that crosses the dip or swell threshold is not an RVC; start over after it.
            _inEvent = false;
            _count = 0;
            _sum = 0;
            return;
        }

        var n = _ring.Length;
        if (!_inEvent && _count == n && Steady(_threshold))
        {
            var mean = _sum / n;
            if (Math.Abs(urms - mean) > _threshold)
            {
                _inEvent = true;
                _startS = timeS;
                _preMean = mean;
                _maxDelta = 0;
            }
        }

        if (_inEvent)
        {
            _maxDelta = Math.Max(_maxDelta, Math.Abs(urms - _preMean));
        }

        Push(timeS, urms);
        if (_inEvent && _count == n && Steady(_threshold - _hysteresis))
        {
            var firstSteady = _times[_head];
            var newMean = _sum / n;
            var delta = _maxDelta;
            _sink(new PqEvent(PqEventType.Rvc, _phase, _startS, Math.Max(0, firstSteady - _startS), delta, 100 * delta / _udin)
            {
                SteadyChangeV = Math.Abs(newMean - _preMean),
            });
            _inEvent = false;
        }
    }

    private void Push(double timeS, double urms)
    {
        if (_count == _ring.Length)
        {
            _sum -= _ring[_head];
            _ring[_head] = urms;
            _times[_head] = timeS;
            _head = (_head + 1) % _ring.Length;
        }
        else
        {
            var at = (_head + _count) % _ring.Length;
            _ring[at] = urms;
            _times[at] = timeS;
            _count++;
        }

        _sum += urms;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Steady(double band)
    {
        var mean = _sum / _count;
        foreach (var v in _ring)
        {
            if (Math.Abs(v - mean) > band)
            {
                return false;
            }
        }

        return true;
    }
}
