using Bench.Dsp.Flicker;

namespace Bench.Dsp.Streaming;

/// <summary>The 10-min Pst periods on the clock and the last twelve complete Pst per channel for Plt at 2-h ticks.</summary>
internal sealed class FlickerPeriods
{
    private readonly double _offsetS;
    private readonly double[][] _pst;
    private readonly int[] _count;
    private long _tick;
    private double _startS;
    private bool _complete;

    public FlickerPeriods(int phases, double offsetS)
    {
        _offsetS = offsetS;
        _pst = Enumerable.Range(0, phases).Select(_ => new double[12]).ToArray();
        _count = new int[phases];
        _tick = (long)Math.Floor(offsetS / 600);
        _complete = Math.Abs(offsetS % 600) < 1e-9;
    }

    public bool Crossed(double timeS) => (long)Math.Floor((timeS + _offsetS) / 600) != _tick;

    /// <summary>Closes the current period; returns its start and whether it covered a whole 10 minutes.</summary>
    public (double StartS, bool Complete) Close(double timeS, bool atTick)
    {
        var result = (_startS, _complete && atTick);
        _tick = (long)Math.Floor((timeS + _offsetS) / 600);
        _startS = timeS;
        _complete = atTick;
        return result;
    }

    /// <summary>Adds a complete Pst; at a 2-h tick with twelve values returns Plt over them.</summary>
    public (double StartS, double Plt)? AddPst(int phase, double pst, double endS)
    {
        var n = _count[phase];
        _pst[phase][n % 12] = pst;
        _count[phase] = n + 1;
        var atTwoHours = Math.Abs((endS + _offsetS) % 7200) < 1 || Math.Abs(((endS + _offsetS) % 7200) - 7200) < 1;
        if (!atTwoHours)
        {
            return null;
        }

        var have = Math.Min(12, _count[phase]);
        _count[phase] = 0;
        return have == 12 ? (endS - 7200, Flickermeter.Plt(_pst[phase])) : null;
    }
}
