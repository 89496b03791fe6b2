namespace Bench.Waveforms.Comtrade;

/// <summary>
/// A COMTRADE record in memory: per analog channel the values in the channel's unit (primary side unless read as
/// recorded), NaN where the recorder marked a sample missing; per digital channel the states; the sample times.
/// </summary>
public sealed record ComtradeRecord(ComtradeConfig Config, double[][] Analogs, byte[][] Digitals, double[] TimesS)
{
    public int SampleCount => TimesS.Length;

    public int MissingSamples => Analogs.Sum(a => a.Count(double.IsNaN));
}
