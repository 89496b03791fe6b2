using System.Runtime.CompilerServices;

namespace Bench.Dsp.Flicker;

/// <summary>
/// Block 5 of IEC 61000-4-15: the cumulative probability of Pinst over an observation period in a log-spaced histogram
/// (fixed memory, 0.2 % class width, linear interpolation inside a class), and Pst from its smoothed percentiles:
/// Pst = sqrt(0.0314·P0.1 + 0.0525·P1s + 0.0657·P3s + 0.28·P10s + 0.08·P50s).
/// </summary>
public sealed class PstClassifier
{
    private const double Min = 1e-4;
    private const double Max = 1e5;
    private const int Classes = 10000;
    private static readonly double LogStep = Math.Log(Max / Min) / Classes;
    private readonly long[] _counts = new long[Classes + 2];

    // Upper edge of class c (1 … Classes): Min·e^{c·s}; class c holds [Upper[c−1], Upper[c]).
    private static readonly double[] Upper = [.. Enumerable.Range(0, Classes + 1).Select(c => Min * Math.Exp(c * LogStep))];
    private int _last = -1;
    private long _total;

    public long Samples => _total;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double pinst)
    {
        int c;
        if (!(pinst > Min))
        {
            c = 0;
        }
        else if (pinst >= Max)
        {
            c = Classes + 1;
        }
        else
        {
            c = Classify(pinst);
        }

        _counts[c]++;
        _total++;
    }

    /// <summary>
    /// 1 + floor(ln(p/Min)/s) for Min &lt; p &lt; Max. Pinst moves little from one sample to the next, so the class is
    /// found by stepping from the previous one along the class edges; a logarithm only after a jump.
    /// </summary>
    private int Classify(double pinst)
    {
        var c = _last;
        if (c is >= 1 and <= Classes)
        {
            for (var steps = 0; steps < 16; steps++)
            {
                if (pinst < Upper[c - 1] && c > 1)
                {
                    c--;
                }
                else if (pinst >= Upper[c] && c < Classes)
                {
                    c++;
                }
                else
                {
                    return _last = c;
                }
            }
        }

        return _last = Math.Clamp(1 + (int)(Math.Log(pinst / Min) / LogStep), 1, Classes);
    }

    /// <summary>The level exceeded <paramref name="percent"/> % of the time.</summary>
    public double Percentile(double percent)
    {
        if (_total == 0)
        {
            return double.NaN;
        }

        var above = percent / 100 * _total;
        double cumulative = 0;
        for (var c = Classes + 1; c >= 0; c--)
        {
            var next = cumulative + _counts[c];
            if (next >= above && _counts[c] > 0)
            {
                if (c == 0)
                {
                    return 0;
                }

                // Class c spans [Min·e^{(c−1)s}, Min·e^{c·s}); interpolate from its top.
                var lower = Min * Math.Exp((c - 1) * LogStep);
                var upper = Min * Math.Exp(c * LogStep);
                var fraction = (above - cumulative) / _counts[c];
                return upper - (fraction * (upper - lower));
            }

            cumulative = next;
        }

        return 0;
    }

    public double Pst()
    {
        double P(double x) => Percentile(x);
        var p50s = (P(30) + P(50) + P(80)) / 3;
        var p10s = (P(6) + P(8) + P(10) + P(13) + P(17)) / 5;
        var p3s = (P(2.2) + P(3) + P(4)) / 3;
        var p1s = (P(0.7) + P(1) + P(1.5)) / 3;
        var p01 = P(0.1);
        return Math.Sqrt((0.0314 * p01) + (0.0525 * p1s) + (0.0657 * p3s) + (0.28 * p10s) + (0.08 * p50s));
    }

    public void Reset()
    {
        Array.Clear(_counts);
        _total = 0;
    }
}
