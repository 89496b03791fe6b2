using System.Runtime.CompilerServices;

namespace Bench.Dsp.Streaming;

/// <summary>
/// Aggregates <see cref="IntervalValues"/>: RMS of magnitudes, mean of powers and frequency, power factors recomputed,
/// angles from the last value, flagged when any input was flagged. Fixed memory, no allocation per value.
/// </summary>
public sealed class IntervalAggregator
{
    private readonly IntervalValues _sum;
    private readonly IntervalValues _last;
    private int _count;
    private int _basicCount;
    private double _startS = double.NaN;
    private double _endS;
    private bool _flagged;

    public IntervalAggregator(int phases, int maxOrder)
    {
        _sum = new IntervalValues(phases, maxOrder);
        _last = new IntervalValues(phases, maxOrder);
    }

    public int Count => _count;

    public double StartS => _startS;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(IntervalValues v)
    {
        if (_count == 0)
        {
            _startS = v.StartS;
        }

        var fields = v.Fields;
        var sums = _sum.Fields;
        for (var f = 0; f < fields.Count; f++)
        {
            var (data, kind) = fields[f];
            var acc = sums[f].Data;
            for (var i = 0; i < data.Length; i++)
            {
                acc[i] = (_count == 0 ? 0 : acc[i]) + (kind == AggregationKind.Rms ? data[i] * data[i] : data[i]);
            }
        }

        for (var t = 0; t < v.Totals.Length; t++)
        {
            var x = v.Totals[t];
            var squared = t is (int)TotalField.U0Percent or (int)TotalField.U2Percent;
            _sum.Totals[t] = (_count == 0 ? 0 : _sum.Totals[t]) + (squared ? x * x : x);
        }

        v.CopyTo(_last);
        _count++;
        _basicCount += v.Count;
        _endS = v.StartS + v.DurationS;
        _flagged |= v.Flagged;
    }

    /// <summary>Writes the aggregate into <paramref name="target"/> and starts over.</summary>
    public void Emit(IntervalValues target)
    {
        var n = Math.Max(1, _count);
        var fields = _sum.Fields;
        var outFields = target.Fields;
        var lastFields = _last.Fields;
        for (var f = 0; f < fields.Count; f++)
        {
            var (acc, kind) = fields[f];
            var dst = outFields[f].Data;
            for (var i = 0; i < acc.Length; i++)
            {
                dst[i] = kind switch
                {
                    AggregationKind.Rms => Math.Sqrt(acc[i] / n),
                    AggregationKind.Mean => acc[i] / n,
                    _ => lastFields[f].Data[i],
                };
            }
        }

        for (var t = 0; t < target.Totals.Length; t++)
        {
            var squared = t is (int)TotalField.U0Percent or (int)TotalField.U2Percent;
            target.Totals[t] = squared ? Math.Sqrt(_sum.Totals[t] / n) : _sum.Totals[t] / n;
        }

        for (var p = 0; p < target.Phases; p++)
        {
            target.Pf[p] = target.SVA[p] == 0 ? 0 : target.PW[p] / target.SVA[p];
            target.Dpf[p] = target.S1VA[p] == 0 ? 0 : target.P1W[p] / target.S1VA[p];
        }

        var se = target.Totals[(int)TotalField.SeVA];
        target.Totals[(int)TotalField.Pf] = se > 0 ? target.Totals[(int)TotalField.PW] / se : double.NaN;
        target.StartS = _startS;
        target.DurationS = _endS - _startS;
        target.Flagged = _flagged;
        target.Count = _basicCount;
        _count = 0;
        _basicCount = 0;
        _flagged = false;
        _startS = double.NaN;
    }
}
