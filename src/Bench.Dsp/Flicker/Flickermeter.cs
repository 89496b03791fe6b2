namespace Bench.Dsp.Flicker;

/// <summary>
/// One channel of the IEC 61000-4-15 flickermeter: squares the voltage, decimates it by block averaging to about
/// 1.6–3.2 kHz (the average's zeros sit on the multiples of the new rate, where aliases would come from), runs the
/// Pinst filter and classifies Pinst. Pst per observation period from <see cref="EndPeriod"/>; Plt from twelve Pst.
/// </summary>
public sealed class Flickermeter
{
    private readonly int _decimation;
    private readonly PinstFilter _filter;
    private readonly PstClassifier _classifier = new();
    private double _sum;
    private int _n;

    public Flickermeter(double sampleRateHz, double nominalFrequencyHz, FlickerLamp lamp)
    {
        _decimation = Math.Max(1, (int)Math.Floor(sampleRateHz / 1600));
        DecimatedRateHz = sampleRateHz / _decimation;
        _filter = new PinstFilter(DecimatedRateHz, nominalFrequencyHz, lamp);
    }

    public double DecimatedRateHz { get; }

    /// <summary>Largest Pinst of the current period.</summary>
    public double MaxPinst { get; private set; }

    public void Push(double u)
    {
        _sum += u * u;
        if (++_n == _decimation)
        {
            var pinst = _filter.Process(_sum / _decimation);
            _classifier.Add(pinst);
            MaxPinst = Math.Max(MaxPinst, pinst);
            _sum = 0;
            _n = 0;
        }
    }

    /// <summary>Pst of the period since the last call, then starts a new period. NaN when nothing was classified.</summary>
    public double EndPeriod()
    {
        var pst = _classifier.Samples == 0 ? double.NaN : _classifier.Pst();
        _classifier.Reset();
        MaxPinst = 0;
        return pst;
    }

    /// <summary>Plt = cube root of the mean of the cubes of the Pst values (normally twelve, 2 h).</summary>
    public static double Plt(ReadOnlySpan<double> pst)
    {
        if (pst.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var p in pst)
        {
            sum += p * p * p;
        }

        return Math.Cbrt(sum / pst.Length);
    }
}
