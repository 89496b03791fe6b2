using System.Runtime.CompilerServices;

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

using Bench.Dsp.Kernels;
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
    private double _x0, _x1, _x2, _x3;
    private long _n = -1;
    private double _peak;
    private bool _armRise;
    private bool _armFall;
    private double _lastBoundary = double.NaN;
    private bool _lastRising;
    private double _lastRealRising = double.NaN;

    private double _hysteresis;
    private int _decayLength = -1;
    private double _spanDecay;

    // First sample index n at which the flywheel (or the start-up boundary) fires: the fast path compares against it.
    private long _flywheelAtSample;

    public CycleTracker(double samplesPerNominalCycle)
    {
        _nominalPeriod = samplesPerNominalCycle;
        Period = samplesPerNominalCycle;
        _decay = Math.Exp(-Math.Log(2) / (2 * samplesPerNominalCycle));
        _flywheelAtSample = FlywheelSample(2 * samplesPerNominalCycle);
    }

    /// <summary>Last measured period in samples (nominal until measured).</summary>
    public double Period { get; private set; }

    /// <summary>Pushes sample n; writes the boundaries it completes (at most two) and returns how many.</summary>
    public int Push(double x, Span<CycleBoundary> found)
    {
        var at = 0;
        return Scan([x], ref at, found);
    }

    /// <summary>
    /// Pushes samples from <paramref name="at"/> on until one completes boundaries (at most two, written to
    /// <paramref name="found"/>; <paramref name="at"/> then indexes the next sample) or the span ends (returns 0).
    /// The decaying peak behind the hysteresis is updated once per span (at its first call), from the span's largest
    /// magnitude: per sample it would be a serial chain of multiply and max on every sample of every channel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Scan(ReadOnlySpan<double> samples, ref int at, Span<CycleBoundary> found)
    {
        if (at == 0 && samples.Length > 0)
        {
            if (samples.Length != _decayLength)
            {
                _decayLength = samples.Length;
                _spanDecay = Math.Pow(_decay, samples.Length);
            }

            _peak = Math.Max(SpanMath.MaxMagnitude(samples), _peak * _spanDecay);
            _hysteresis = 0.1 * _peak;
        }

        double x0 = _x0, x1 = _x1, x2 = _x2, x3 = _x3, hysteresis = _hysteresis, negative = -_hysteresis;
        bool armRise = _armRise, armFall = _armFall;
        var n = _n;
        var flywheelAt = _flywheelAtSample;
        var count = 0;
        var i = at;
        ref var s0 = ref MemoryMarshal.GetReference(samples);
        for (; i < samples.Length; i++)
        {
            // Fast path: while the segments the next samples complete hold no sign change and the flywheel is not due,
            // only the arming can change; skip them a vector at a time.
            if (i >= 2 && n >= 3)
            {
                var skipped = Skip(ref s0, samples.Length, i, (long)Math.Min(int.MaxValue, flywheelAt - n - 1), hysteresis, ref armRise, ref armFall);
                if (skipped > 0)
                {
                    i += skipped;
                    n += skipped;
                    x0 = Unsafe.Add(ref s0, i - 4);
                    x1 = Unsafe.Add(ref s0, i - 3);
                    x2 = Unsafe.Add(ref s0, i - 2);
                    x3 = Unsafe.Add(ref s0, i - 1);
                }
            }

            if (i >= samples.Length)
            {
                break;
            }

            n++;
            x0 = x1;
            x1 = x2;
            x2 = x3;
            x3 = Unsafe.Add(ref s0, i);

            // Segment [n−2, n−1] with nodes n−3 … n; a crossing counts once the signal went beyond the hysteresis.
            armRise |= x1 < negative;
            armFall |= x1 > hysteresis;
            // A segment that ends on an exact 0 followed by another 0 is a signal that vanished (an interruption in a
            // simulated record), not a crossing: the flywheel keeps time there instead.
            var rise = armRise && x1 < 0 && x2 >= 0 && (x2 > 0 || x3 > 0);
            var fall = armFall && x1 > 0 && x2 <= 0 && (x2 < 0 || x3 < 0);
            if (!(rise | fall) && n < flywheelAt)
            {
                continue;
            }

            if (n < 3)
            {
                continue;
            }

            _x0 = x0;
            _x1 = x1;
            _x2 = x2;
            _x3 = x3;
            _n = n;
            count = Boundaries(rise, fall, found);
            armRise &= !rise;
            armFall &= !fall;
            flywheelAt = _flywheelAtSample;
            if (count > 0)
            {
                i++;
                break;
            }
        }

        _x0 = x0;
        _x1 = x1;
        _x2 = x2;
        _x3 = x3;
        _n = n;
        _armRise = armRise;
        _armFall = armFall;
        at = i;
        return count;
    }

    /// <summary>
    /// How many samples from <paramref name="i"/> on (a multiple of the vector width, at most <paramref name="maxSkip"/>)
    /// complete no segment that could hold a crossing: (s[k−2], s[k−1]) for each skipped k, tested conservatively as
    /// "signs differ, or the later sample is ±0" (a crossing needs one or the other). Folds their arming in, from the
    /// smallest and largest s[k−2].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Skip(ref double s0, int length, int i, long maxSkip, double hysteresis, ref bool armRise, ref bool armFall)
    {
        var j = i;
        var end = (int)Math.Min(length, i + maxSkip);
        if (Vector512.IsHardwareAccelerated && j + 8 <= end)
        {
            var min = Vector512.Create(double.PositiveInfinity);
            var max = Vector512.Create(double.NegativeInfinity);
            for (; j + 8 <= end; j += 8)
            {
                var a = Vector512.LoadUnsafe(ref s0, (nuint)(j - 2));
                var b = Vector512.LoadUnsafe(ref s0, (nuint)(j - 1));
                var suspect = (a.AsUInt64() ^ b.AsUInt64()) | Vector512.Equals(b, Vector512<double>.Zero).AsUInt64();
                if (Vector512.ExtractMostSignificantBits(suspect) != 0)
                {
                    break;
                }

                min = Vector512.Min(min, a);
                max = Vector512.Max(max, a);
            }

            armRise |= Vector512.LessThanAny(min, Vector512.Create(-hysteresis));
            armFall |= Vector512.GreaterThanAny(max, Vector512.Create(hysteresis));
        }
        else if (Vector256.IsHardwareAccelerated && j + 4 <= end)
        {
            var min = Vector256.Create(double.PositiveInfinity);
            var max = Vector256.Create(double.NegativeInfinity);
            for (; j + 4 <= end; j += 4)
            {
                var a = Vector256.LoadUnsafe(ref s0, (nuint)(j - 2));
                var b = Vector256.LoadUnsafe(ref s0, (nuint)(j - 1));
                var suspect = (a.AsUInt64() ^ b.AsUInt64()) | Vector256.Equals(b, Vector256<double>.Zero).AsUInt64();
                if (Vector256.ExtractMostSignificantBits(suspect) != 0)
                {
                    break;
                }

                min = Vector256.Min(min, a);
                max = Vector256.Max(max, a);
            }

            armRise |= Vector256.LessThanAny(min, Vector256.Create(-hysteresis));
            armFall |= Vector256.GreaterThanAny(max, Vector256.Create(hysteresis));
        }

        return j - i;
    }

    private int Boundaries(bool rise, bool fall, Span<CycleBoundary> found)
    {
        var count = 0;
        var segmentStart = _n - 2;
        if (!double.IsNaN(_lastBoundary) && segmentStart - _lastBoundary > 0.75 * Period)
        {
            count = Emit(new CycleBoundary(_lastBoundary + (0.5 * Period), !_lastRising, true), found, count);
        }
        else if (double.IsNaN(_lastBoundary) && _n > 2 * _nominalPeriod)
        {
            count = Emit(new CycleBoundary(segmentStart, true, true), found, count);
        }

        if (rise)
        {
            count = Real(segmentStart + LocateRoot(), true, found, count);
        }
        else if (fall)
        {
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
        _flywheelAtSample = FlywheelSample(boundary.Position + (0.75 * Period) + 2);
        found[count] = boundary;
        return count + 1;
    }

    /// <summary>The first whole n greater than <paramref name="limit"/>.</summary>
    private static long FlywheelSample(double limit) => (long)Math.Floor(limit) + 1;

    private double LocateRoot()
    {
        // Frequency.Locate expects the root between indices n−1 and n of a span holding n−2 … n+1.
        _x[0] = _x0;
        _x[1] = _x1;
        _x[2] = _x2;
        _x[3] = _x3;
        return Frequency.Locate(_x, 2) - 1;
    }
}
