namespace Bench.Dsp.Streaming;

/// <summary>
/// Counts the whole cycles between real rising crossings inside each 10-s clock interval and divides by their
/// cumulative duration. Cycles that straddle a tick or touch a synthetic (flywheel) boundary are left out.
/// </summary>
public sealed class TenSecondFrequency
{
    private readonly double _offsetS;
    private double _previous = double.NaN;
    private long _tick = long.MinValue;
    private int _cycles;
    private double _durationS;
    private bool _flagged;

    /// <param name="offsetS">Seconds from the last 10-s clock tick to the first sample.</param>
    public TenSecondFrequency(double offsetS) => _offsetS = offsetS;

    /// <summary>Feeds a rising boundary; returns a value when this boundary closes a 10-s interval.</summary>
    public FrequencyValue? Add(double timeS, bool synthetic, bool flagged)
    {
        var tick = (long)Math.Floor((timeS + _offsetS) / 10);
        FrequencyValue? result = null;
        if (_tick != long.MinValue && tick != _tick)
        {
            if (_cycles > 0)
            {
                result = new FrequencyValue((_tick * 10) - _offsetS, _cycles / _durationS, _cycles, _flagged);
            }

            _cycles = 0;
            _durationS = 0;
            _flagged = false;
            _previous = double.NaN;
        }

        _tick = tick;
        if (synthetic)
        {
            _previous = double.NaN;
            return result;
        }

        if (!double.IsNaN(_previous))
        {
            _cycles++;
            _durationS += timeS - _previous;
            _flagged |= flagged;
        }

        _previous = timeS;
        return result;
    }

    /// <summary>The partial interval at the end of a record (null without a whole cycle).</summary>
    public FrequencyValue? Flush()
        => _cycles > 0 ? new FrequencyValue((_tick * 10) - _offsetS, _cycles / _durationS, _cycles, _flagged) : null;
}
