namespace Bench.Waveforms.Comtrade;

/// <summary>A parsed .cfg (revisions 1991, 1999 and 2013; shared/protocols/pm8000-map.md §6).</summary>
public sealed record ComtradeConfig(
    string StationName,
    string DeviceId,
    int RevisionYear,
    IReadOnlyList<ComtradeAnalogChannel> Analogs,
    IReadOnlyList<ComtradeDigitalChannel> Digitals,
    double LineFrequencyHz,
    IReadOnlyList<(double RateHz, long EndSample)> SampleRates,
    DateTime FirstSampleTime,
    DateTime TriggerTime,
    ComtradeFileType FileType,
    double TimeMultiplier)
{
    /// <summary>2013: offset of the recorder's clock from UTC as written (e.g. "-5h30"), empty when absent.</summary>
    public string TimeCode { get; init; } = "";

    public string LocalCode { get; init; } = "";

    public string TimeQualityCode { get; init; } = "";

    public int LeapSecond { get; init; }

    /// <summary>Timestamps are in nanoseconds (2013, nine fractional digits in the time lines) instead of microseconds.</summary>
    public bool NanosecondTimeBase { get; init; }

    public long TotalSamples => SampleRates.Count == 0 ? 0 : SampleRates[^1].EndSample;

    /// <summary>Bytes per record of a binary .dat: 8 + analogs·(2|4) + 2·ceil(digitals/16).</summary>
    public int BinaryRecordSize => 8 + (Analogs.Count * (FileType == ComtradeFileType.Binary ? 2 : 4)) + (2 * ((Digitals.Count + 15) / 16));
}
