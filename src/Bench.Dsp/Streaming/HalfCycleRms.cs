using Bench.Dsp.Kernels;

namespace Bench.Dsp.Streaming;

/// <summary>
/// Urms(1/2) of one channel (IEC 61000-4-30 §5.4.2): the RMS over one cycle that commences at a fundamental zero
/// crossing of that channel, refreshed at each of its zero crossings (every half cycle). Keeps the sum of squares of
/// the previous half cycle, so each value costs one half cycle of samples.
/// </summary>
internal sealed class HalfCycleRms
{
    private double _previous = double.NaN;
    private double _previous2 = double.NaN;
    private double _previousHalfSum;

    /// <summary>Global position of the last zero crossing (the oldest sample the next value reads).</summary>
    public double LastBoundary => _previous;

    /// <summary>
    /// Adds the zero crossing at <paramref name="position"/> (global, fractional); returns true with the mean square
    /// and the window start when a whole cycle is available.
    /// </summary>
    public bool Add(ChannelHistory history, int channel, double position, out double windowStart, out double meanSquare)
    {
        windowStart = double.NaN;
        meanSquare = double.NaN;
        var ready = false;
        if (!double.IsNaN(_previous) && history.Local(_previous) >= 0)
        {
            var u = history.Channel(channel);
            var halfSum = SpanMath.Integral(u, u, history.Local(_previous), history.Local(position));
            if (!double.IsNaN(_previous2))
            {
                windowStart = _previous2;
                meanSquare = Math.Max(0, (halfSum + _previousHalfSum) / (position - _previous2));
                ready = true;
            }

            _previousHalfSum = halfSum;
            _previous2 = _previous;
        }
        else
        {
            _previous2 = double.NaN;
        }

        _previous = position;
        return ready;
    }

    /// <summary>Forgets the crossings (their samples are gone).</summary>
    public void Reset()
    {
        _previous = double.NaN;
        _previous2 = double.NaN;
    }
}
