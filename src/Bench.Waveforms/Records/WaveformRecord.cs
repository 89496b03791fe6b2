namespace Bench.Waveforms.Records;

/// <summary>A set of channels sampled together at one rate: a synthesised test signal, a COMTRADE record, a CSV file.</summary>
public sealed record WaveformRecord(double SampleRateHz, double NominalFrequencyHz, IReadOnlyList<WaveformChannel> Channels)
{
    public int SampleCount => Channels.Count == 0 ? 0 : Channels[0].Samples.Length;

    public IEnumerable<WaveformChannel> Voltages => Channels.Where(c => c.IsVoltage);

    public IEnumerable<WaveformChannel> Currents => Channels.Where(c => c.IsCurrent);

    /// <summary>Absolute time of the first sample when the source knows it (COMTRADE line 8), else null.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public double DurationS => SampleCount / SampleRateHz;
}
